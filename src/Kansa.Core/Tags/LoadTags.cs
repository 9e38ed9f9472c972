using Kansa.Findings;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tags;

/// <summary>A tag with how many findings carry it.</summary>
/// <param name="Name">The tag.</param>
/// <param name="Count">Its findings.</param>
public sealed record TagCount(string Name, int Count);

/// <summary>Reads tags: of one finding, the findings of one tag, every tag in use.</summary>
public sealed class LoadTags(KansaDbContext db)
{
    /// <summary>A finding's tags in the order they were added.</summary>
    public static async Task<IReadOnlyList<string>> OfFindingAsync(KansaDbContext db, int findingId, CancellationToken ct) =>
        await db.FindingTags.AsNoTracking().Where(t => t.FindingId == findingId).OrderBy(t => t.Id).Select(t => t.Name).ToListAsync(ct);

    /// <summary>A finding's tags in the order they were added.</summary>
    public Task<IReadOnlyList<string>> OfFindingAsync(int findingId, CancellationToken ct) => OfFindingAsync(db, findingId, ct);

    /// <summary>The findings carrying a tag (any audit, any year), as of now, oldest audit first. The caller decides
    /// which of them its reader may see.</summary>
    public async Task<IReadOnlyList<FindingAsOf>> FindingsAsync(string? tag, CancellationToken ct)
    {
        var name = TagName.Normalize(tag);
        if (!name.Succeeded)
        {
            return [];
        }

        var ids = db.FindingTags.Where(t => t.Name == name.Value).Select(t => t.FindingId);
        var found = await FindingProjection.LoadAsync(db, db.Findings.Where(f => ids.Contains(f.Id)), null, ct);
        return [.. found.OrderBy(f => f.FiscalYear).ThenBy(f => f.AuditKey, StringComparer.Ordinal).ThenBy(f => f.Category).ThenBy(f => f.Sequence)];
    }

    /// <summary>Every finding that carries a tag, as of now (the caller decides which of them its reader may see).</summary>
    public Task<IReadOnlyList<FindingAsOf>> TaggedFindingsAsync(CancellationToken ct) =>
        FindingProjection.LoadAsync(db, db.Findings.Where(f => db.FindingTags.Any(t => t.FindingId == f.Id)), null, ct);

    /// <summary>Every tag with the findings that carry it (their ids), the most used first.</summary>
    public async Task<IReadOnlyList<(string Name, IReadOnlyList<int> FindingIds)>> AllAsync(CancellationToken ct)
    {
        var rows = await db.FindingTags.AsNoTracking().Select(t => new { t.Name, t.FindingId }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<int>)[.. g.Select(r => r.FindingId)]))
            .OrderByDescending(t => t.Item2.Count).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }
}
