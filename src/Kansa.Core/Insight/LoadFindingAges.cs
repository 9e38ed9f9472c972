using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Insight;

/// <summary>
/// Reads findings with what measures their age: each as of its audit's latest publication, in a fixed number of
/// queries. Only published data: status records are written when a document is imported or a round is published.
/// </summary>
public sealed class LoadFindingAges(KansaDbContext db, TimeProvider time)
{
    /// <summary>Every finding of every audit.</summary>
    public Task<IReadOnlyList<FindingAge>> AllAsync(CancellationToken ct) => RunAsync(db.Findings, ct);

    /// <summary>The findings that name one of <paramref name="departmentIds"/>.</summary>
    public Task<IReadOnlyList<FindingAge>> OfDepartmentsAsync(IReadOnlyCollection<int> departmentIds, CancellationToken ct) =>
        RunAsync(db.Findings.Where(f => f.Departments.Any(d => departmentIds.Contains(d.DepartmentId))), ct);

    private async Task<IReadOnlyList<FindingAge>> RunAsync(IQueryable<Finding> findings, CancellationToken ct)
    {
        var rows = await FindingProjection.ReadAsync(findings, ct);
        if (rows.Count == 0)
        {
            return [];
        }

        // An audit's latest publication: its newest document (all its findings' records count, not only these).
        var auditIds = rows.Select(f => f.AuditId).Distinct().ToList();
        var documents = await (
                from r in db.StatusRecords.AsNoTracking()
                join f in db.Findings.AsNoTracking() on r.FindingId equals f.Id
                where auditIds.Contains(f.AuditId)
                select new { f.AuditId, r.AsOf })
            .Distinct()
            .ToListAsync(ct);
        var now = YearMonth.CurrentInJapan(time);
        var projection = await FindingProjection.LoadAsync(db, ct);
        var latest = rows.Select(f => f.Audit!).DistinctBy(a => a.Id).ToDictionary(
            a => a.Id,
            a => documents.Where(d => d.AuditId == a.Id).Select(d => (YearMonth?)d.AsOf).Append(a.LatestDocument).Max() ?? now);

        return [.. rows.Select(f =>
        {
            var asOf = latest[f.AuditId];
            var (report, assumed) = ReportMonth.Of(f.Audit!);
            return new FindingAge(
                projection.Project(f, f.Audit!, f.StatusRecords, asOf),
                f.AuditId,
                [.. f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId)],
                report,
                assumed,
                asOf,
                FindingAge.DoneSince(f.StatusRecords, asOf));
        })
        .OrderByDescending(a => a.Finding.FiscalYear).ThenBy(a => a.Finding.AuditKey, StringComparer.Ordinal)
        .ThenBy(a => a.Finding.Category).ThenBy(a => a.Finding.Sequence).ThenBy(a => a.Finding.Number, StringComparer.Ordinal)];
    }
}
