using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Search;

/// <summary>
/// Writes the <see cref="SearchDocument"/> of findings from what is stored: the registry fields, every published
/// status record and every name of their departments. It writes with SQL in the caller's transaction (the save that
/// changed the findings), so that the index never tells another story than the data; the change log keeps the
/// changes themselves, not this derived copy.
/// </summary>
public static class SearchIndexer
{
    private const int Batch = 500;

    /// <summary>Rewrites the documents of these findings (those that no longer exist are dropped).</summary>
    public static async Task RefreshAsync(KansaDbContext db, IReadOnlyCollection<int> findingIds, CancellationToken ct)
    {
        if (findingIds.Count == 0)
        {
            return;
        }

        var history = await DepartmentHistory.LoadAsync(db, ct);
        foreach (var chunk in findingIds.Distinct().Order().Chunk(Batch))
        {
            await WriteAsync(db, chunk, await BuildAsync(db, history, chunk, ct), ct);
        }
    }

    /// <summary>Rewrites every document: after restoring an older backup, or on a database indexed before search existed.</summary>
    public static async Task RebuildAsync(KansaDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchDocuments\"", ct);
        var ids = await db.Findings.AsNoTracking().Select(f => f.Id).ToListAsync(ct);
        await RefreshAsync(db, ids, ct);
    }

    /// <summary>Whether some finding has no document (a database migrated to Search with data in it).</summary>
    public static async Task<bool> IsIncompleteAsync(KansaDbContext db, CancellationToken ct) =>
        await db.Findings.CountAsync(ct) != await db.Set<SearchDocument>().CountAsync(ct);

    /// <summary>The findings of these departments, of those merged into them and of those they were merged into.</summary>
    public static async Task<List<int>> FindingsOfDepartmentsAsync(KansaDbContext db, IReadOnlyCollection<int> departmentIds, CancellationToken ct)
    {
        if (departmentIds.Count == 0)
        {
            return [];
        }

        var history = await DepartmentHistory.LoadAsync(db, ct);
        var ids = history.WithMerged(departmentIds).ToList();
        return await db.Set<FindingDepartment>().AsNoTracking().Where(fd => ids.Contains(fd.DepartmentId))
            .Select(fd => fd.FindingId).Distinct().ToListAsync(ct);
    }

    private static async Task<List<SearchDocument>> BuildAsync(KansaDbContext db, DepartmentHistory history, int[] ids, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Number, f.Title, f.Excerpt }).ToListAsync(ct);
        var records = (await db.StatusRecords.AsNoTracking().Where(r => ids.Contains(r.FindingId)).ToListAsync(ct))
            .ToLookup(r => r.FindingId);
        var departments = (await db.Set<FindingDepartment>().AsNoTracking().Where(fd => ids.Contains(fd.FindingId))
            .OrderBy(fd => fd.Position).Select(fd => new { fd.FindingId, fd.DepartmentId }).ToListAsync(ct))
            .ToLookup(fd => fd.FindingId, fd => fd.DepartmentId);
        return [.. findings.Select(f =>
        {
            var own = records[f.Id].ToList();
            var current = StatusTimeline.At(own, null);
            var responses = StatusTimeline.History(own).Select(r => r.Response).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal);
            return new SearchDocument
            {
                FindingId = f.Id,
                Title = SearchText.Fold(f.Title),
                Names = SearchText.Fold(string.Join('\n', new[] { f.Number }.Concat(NamesOf(history, departments[f.Id])))),
                Body = SearchText.Fold(string.Join("\n\n", new[] { f.Excerpt }.Concat(responses).Where(t => !string.IsNullOrWhiteSpace(t)))),
                State = current?.State ?? StatusState.Open,
                Published = current?.Published,
            };
        })];
    }

    // Every name a department had, and those of the departments it was merged into: a reader may know any of them.
    private static IEnumerable<string> NamesOf(DepartmentHistory history, IEnumerable<int> departmentIds)
    {
        var names = new List<string>();
        foreach (var start in departmentIds)
        {
            var seen = new HashSet<int>();
            for (int? id = start; id is { } d && seen.Add(d) && history.Departments.TryGetValue(d, out var department); id = department.MergedIntoId)
            {
                names.Add(department.Name);
                names.AddRange(department.Names.Select(n => n.Name));
            }
        }

        return names.Distinct(StringComparer.Ordinal);
    }

    private static async Task WriteAsync(KansaDbContext db, int[] ids, List<SearchDocument> documents, CancellationToken ct)
    {
        // The ids are the database's own integers, never input: they can be written into the statement.
        var delete = "DELETE FROM \"SearchDocuments\" WHERE \"FindingId\" IN (" + string.Join(',', ids) + ")";
        await db.Database.ExecuteSqlRawAsync(delete, ct);

        // One prepared INSERT (SQLite) or COPY (PostgreSQL) with the model's conversions: an import indexes ten thousand
        // findings here, and statements of a hundred rows each cost more to build and parse than the rows to store.
        await BulkInsert.WriteAsync(db, documents, withKey: true, ct);
    }
}
