using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Reports;

/// <summary>Builds the <see cref="ReportSnapshot"/> of one or all audits as of a month.</summary>
public sealed class LoadReportSnapshot(KansaDbContext db, TimeProvider time)
{
    /// <summary>
    /// Loads the audits (one when <paramref name="auditKey"/> is given; null when that key is unknown).
    /// Without <paramref name="asOf"/> each audit is shown as of its latest document.
    /// </summary>
    public Task<ReportSnapshot?> RunAsync(YearMonth? asOf, string? auditKey, CancellationToken ct) =>
        RunAsync(asOf, auditKey, [], ct);

    /// <summary>
    /// The same, with records not yet stored taken as if they were: a publication round's preview shows its
    /// approved responses through the very code that builds the exports.
    /// </summary>
    public async Task<ReportSnapshot?> RunAsync(YearMonth? asOf, string? auditKey, IReadOnlyList<StatusRecord> pending, CancellationToken ct)
    {
        // A key no audit can have (too long, NUL) is unknown without asking the database, which may refuse it.
        if (auditKey is not null && !TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return null;
        }

        var projection = await FindingProjection.LoadAsync(db, ct);
        var query = db.Audits.AsNoTracking()
            .Include(a => a.Findings).ThenInclude(f => f.StatusRecords)
            .Include(a => a.Findings).ThenInclude(f => f.Departments)
            .AsSplitQuery();
        var audits = auditKey is null
            ? await query.ToListAsync(ct)
            : await query.Where(a => a.Key == auditKey).ToListAsync(ct);
        if (auditKey is not null && audits.Count == 0)
        {
            return null;
        }

        foreach (var finding in audits.SelectMany(a => a.Findings))
        {
            finding.StatusRecords.AddRange(pending.Where(r => r.FindingId == finding.Id));
        }

        var now = YearMonth.FromDate(time.GetLocalNow());
        var snapshots = audits
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => Snapshot(a, asOf ?? LatestDocument(a) ?? now, projection))
            .ToList();
        var reportAsOf = asOf ?? (snapshots.Count > 0 ? snapshots.Max(s => s.AsOf) : now);
        return new ReportSnapshot(reportAsOf, snapshots);
    }

    /// <summary>The "as of" choices of an audit, newest first.</summary>
    public async Task<IReadOnlyList<YearMonth>> MonthsAsync(string auditKey, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return [];
        }

        // Only the distinct months are read: an audit of any size has a handful.
        var pairs = await db.StatusRecords.AsNoTracking()
            .Where(r => db.Findings.Any(f => f.Id == r.FindingId && f.Audit!.Key == auditKey))
            .Select(r => new { r.AsOf, r.Published })
            .Distinct()
            .ToListAsync(ct);
        return KnownMonths(pairs.Select(p => new StatusRecord { Word = "", Source = "", AsOf = p.AsOf, Published = p.Published }));
    }

    /// <summary>The months for which the audit has a document or a publication, newest first: the "as of" choices of a page.</summary>
    public static IReadOnlyList<YearMonth> KnownMonths(IEnumerable<StatusRecord> records) =>
        [.. records.SelectMany(r => r.Published is { } p ? [p, r.AsOf] : new[] { r.AsOf }).Distinct().OrderDescending()];

    private static YearMonth? LatestDocument(Audit audit) =>
        audit.Findings.SelectMany(f => f.StatusRecords).Select(r => (YearMonth?)r.AsOf).Append(audit.LatestDocument).Max();

    private static AuditSnapshot Snapshot(Audit audit, YearMonth asOf, FindingProjection projection)
    {
        var findings = audit.Findings
            .OrderBy(f => f.Category).ThenBy(f => f.Sequence).ThenBy(f => f.Number, StringComparer.Ordinal)
            .Select(f => projection.Project(f, audit, f.StatusRecords, asOf))
            .ToList();
        return new AuditSnapshot(
            audit.Key, audit.Kind, audit.FiscalYear, audit.Theme, audit.Auditor, audit.ReportDate, audit.DocumentKind,
            asOf, Summarize(findings, audit.Kind, projection.Vocabulary), findings);
    }

    private static List<SummaryRow> Summarize(IReadOnlyList<FindingAsOf> findings, string kind, StatusVocabulary vocabulary)
    {
        // Done and open always have a row; the other states only when some finding is in them.
        var states = StatusStates.All
            .Where(s => s is StatusState.Done or StatusState.Open || findings.Any(f => f.State == s))
            .ToList();
        return [.. FindingCategories.All
            .Where(c => findings.Any(f => f.Category == c))
            .SelectMany(c => states.Select(s => new SummaryRow(
                c, vocabulary.CanonicalWord(c, s, kind), s, findings.Count(f => f.Category == c && f.State == s))))];
    }
}
