using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kansa.Search;

/// <summary>
/// Keeps the search index current on every save that changes what search reads: an import, a published response, a
/// correction, a registry edit, a department renamed or merged. It notes what changed before the save and rewrites the
/// documents after it, in the same transaction (registered before the change log's interceptor, which commits it):
/// no use case has to remember to do it, and none can leave the index behind.
/// </summary>
public sealed class SearchInterceptor : SaveChangesInterceptor
{
    private readonly List<EntityEntry> findings = [];
    private readonly HashSet<int> departments = [];

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KansaDbContext db)
        {
            Capture(db);
        }

        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KansaDbContext db && (findings.Count > 0 || departments.Count > 0))
        {
            // Keys of new rows are known only now.
            var ids = findings.Select(e => e.Entity switch
            {
                Finding f => f.Id,
                StatusRecord r => r.FindingId,
                FindingDepartment fd => fd.FindingId,
                _ => 0,
            }).Where(id => id > 0).ToHashSet();
            var renamed = departments.ToList();
            findings.Clear();
            departments.Clear();
            ids.UnionWith(await SearchIndexer.FindingsOfDepartmentsAsync(db, renamed, cancellationToken));
            await SearchIndexer.RefreshAsync(db, ids, cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        findings.Clear();
        departments.Clear();
        return Task.CompletedTask;
    }

    private void Capture(KansaDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Finding or StatusRecord or FindingDepartment when entry.State != EntityState.Deleted || entry.Entity is FindingDepartment:
                    findings.Add(entry);
                    break;
                case Department d:
                    departments.Add(d.Id);
                    break;
                case DepartmentName n:
                    departments.Add(n.DepartmentId);
                    break;
            }
        }
    }
}
