using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Reports;

/// <summary>
/// Every publication, newest month first: one per audit and month (〜現在) in which the city published a status, whether
/// it came in as an imported document (its own month and the 公表年月 it lists) or from a publication round. The news
/// the Atom feed carries.
/// </summary>
public sealed class ListPublications(KansaDbContext db, LoadReportSnapshot snapshots)
{
    /// <summary>One publication: the audit's report as of a month, with its summary counts.</summary>
    /// <param name="AuditKey">The audit.</param>
    /// <param name="Title">The report's title, month in 和暦: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在).</param>
    /// <param name="AsOf">The month.</param>
    /// <param name="Updated">When Kansa stored the publication's latest record.</param>
    /// <param name="Summary">The summary table as of the month.</param>
    public sealed record Publication(string AuditKey, string Title, YearMonth AsOf, DateTimeOffset Updated, IReadOnlyList<SummaryRow> Summary);

    /// <summary>The newest <paramref name="limit"/> publications.</summary>
    public async Task<IReadOnlyList<Publication>> RunAsync(int limit, CancellationToken ct)
    {
        // Grouped here rather than in SQL: SQLite cannot take the maximum of a DateTimeOffset column. Only narrow columns
        // are read, as the front page does. A record counts for its document's month and for its publication month
        // (公表年月): an imported document carries the city's earlier publications too, and a round's records have both the same.
        var records = await db.StatusRecords.AsNoTracking()
            .Join(db.Findings, r => r.FindingId, f => f.Id, (r, f) => new { f.AuditId, r.AsOf, r.Published, r.RecordedAt })
            .ToListAsync(ct);
        var keys = await db.Audits.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Key, ct);
        var groups = records
            .SelectMany(r => (r.Published is { } p && p != r.AsOf ? new[] { r.AsOf, p } : [r.AsOf]).Select(m => (r.AuditId, Month: m, r.RecordedAt)))
            .GroupBy(r => (r.AuditId, r.Month))
            .Select(g => (Key: keys[g.Key.AuditId], AsOf: g.Key.Month, Updated: g.Max(r => r.RecordedAt)))
            .OrderByDescending(g => g.AsOf).ThenByDescending(g => g.Updated).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var result = new List<Publication>(groups.Count);
        foreach (var (key, asOf, updated) in groups)
        {
            var snapshot = await snapshots.RunAsync(asOf, key, ct);
            if (snapshot is { Audits: [var audit] })
            {
                result.Add(new Publication(key, audit.Title, asOf, updated, audit.Summary));
            }
        }

        return result;
    }
}
