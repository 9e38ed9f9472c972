using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Reports;

/// <summary>
/// One page of an audit's findings as of a month, filtered and counted by the database: the interactive audit page
/// costs the same few queries, and shows at most <see cref="AuditPageFilter.PageSize"/> rows, whatever the size of the
/// audit. The downloads and the printed report still take every finding from <see cref="LoadReportSnapshot"/>.
/// </summary>
public sealed class LoadAuditPage(KansaDbContext db, TimeProvider time)
{
    /// <summary>The page; null when the key is unknown.</summary>
    public async Task<AuditPage?> RunAsync(string auditKey, YearMonth? asOf, AuditPageFilter filter, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return null;
        }

        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Key == auditKey, ct);
        if (audit is null)
        {
            return null;
        }

        // Without a month, the audit as of its latest document (the same rule as the report).
        var latest = await db.StatusRecords.Where(r => db.Findings.Any(f => f.Id == r.FindingId && f.AuditId == audit.Id)).MaxAsync(r => (YearMonth?)r.AsOf, ct);
        var month = asOf ?? new[] { latest, audit.LatestDocument }.Max() ?? YearMonth.FromDate(time.GetLocalNow());
        var projection = await FindingProjection.LoadAsync(db, ct);
        var vocabulary = projection.Vocabulary;
        var history = await DepartmentHistory.LoadAsync(db, ct);
        var all = db.Findings.Where(f => f.AuditId == audit.Id);

        // The summary table and the state filter's words: one grouped count over the audit.
        var groups = await StatusInForce.At(db, all, month)
            .GroupBy(s => new { s.Category, s.State, s.Word })
            .Select(g => new { g.Key.Category, g.Key.State, g.Key.Word, Count = g.Count(), First = g.Min(s => s.Sequence) })
            .ToListAsync(ct);
        // In report order of each word's first finding, as the filter offered them when it read every finding.
        var counts = groups.OrderBy(g => g.Category).ThenBy(g => g.First)
            .Select(g => new StateCount(g.Category, g.State, g.Word ?? vocabulary.CanonicalWord(g.Category, StatusState.Open, audit.Kind), g.Count))
            .ToList();

        var departmentIds = await all.SelectMany(f => f.Departments).Select(d => d.DepartmentId).Distinct().ToListAsync(ct);
        string NameOf(int id) => history.NamesAt([id], month)[0];
        var departments = departmentIds.Select(NameOf).Distinct().Order(StringComparer.Ordinal).ToList();

        var filtered = all;
        if (filter.Category is { } category)
        {
            filtered = filtered.Where(f => f.Category == category);
        }

        if (!string.IsNullOrEmpty(filter.Department))
        {
            // The name is the one of the month, merges followed: every department shown under it.
            var ids = history.Departments.Keys.Where(id => NameOf(id) == filter.Department).ToList();
            filtered = filtered.Where(f => f.Departments.Any(d => ids.Contains(d.DepartmentId)));
        }

        var rows = StatusInForce.At(db, filtered, month);
        if (filter.State is { } state)
        {
            rows = rows.Where(s => s.State == state);
        }

        var listedRows = filter.ListUnpublished ? rows : rows.Where(s => !s.Unpublished);
        var listedTotal = await listedRows.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (listedTotal + AuditPageFilter.PageSize - 1) / AuditPageFilter.PageSize));
        var listedIds = await Ordered(listedRows).Skip((page - 1) * AuditPageFilter.PageSize).Take(AuditPageFilter.PageSize)
            .Select(s => s.FindingId).ToListAsync(ct);

        // Unpublished findings collapse into one line per category, each with its first rows behind it.
        var collapsed = new List<(FindingCategory Category, int Count, List<int> Ids)>();
        if (!filter.ListUnpublished)
        {
            var unpublished = rows.Where(s => s.Unpublished);
            var byCategory = await unpublished.GroupBy(s => s.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var group in byCategory.OrderBy(g => g.Key))
            {
                var ids = await Ordered(unpublished.Where(s => s.Category == group.Key)).Take(AuditPageFilter.PageSize)
                    .Select(s => s.FindingId).ToListAsync(ct);
                collapsed.Add((group.Key, group.Count, ids));
            }
        }

        var shownIds = listedIds.Concat(collapsed.SelectMany(c => c.Ids)).ToList();
        var shown = (await FindingProjection.LoadAsync(db, db.Findings.Where(f => shownIds.Contains(f.Id)), month, ct)).ToDictionary(f => f.Id);
        var snapshot = new AuditSnapshot(
            audit.Key, audit.Kind, audit.FiscalYear, audit.Theme, audit.Auditor, audit.ReportDate, audit.DocumentKind,
            month, Summarize(counts, audit.Kind, vocabulary), [.. shownIds.Select(id => shown[id])]);
        return new AuditPage(
            snapshot,
            counts,
            departments,
            [.. listedIds.Select(id => shown[id])],
            listedTotal,
            page,
            [.. collapsed.Select(c => new CollapsedGroup(c.Category, c.Count, [.. c.Ids.Select(id => shown[id])]))]);
    }

    // Report order: category, sequence, number (then the row, so that a page boundary is stable).
    private static IQueryable<StatusInForce> Ordered(IQueryable<StatusInForce> rows) =>
        rows.OrderBy(s => s.Category).ThenBy(s => s.Sequence).ThenBy(s => s.Number).ThenBy(s => s.FindingId);

    private static List<SummaryRow> Summarize(IReadOnlyList<StateCount> counts, string kind, StatusVocabulary vocabulary)
    {
        // Done and open always have a row; the other states only when some finding is in them (as the report's table).
        var states = StatusStates.All.Where(s => s is StatusState.Done or StatusState.Open || counts.Any(c => c.State == s)).ToList();
        return [.. FindingCategories.All
            .Where(c => counts.Any(x => x.Category == c))
            .SelectMany(c => states.Select(s => new SummaryRow(
                c, vocabulary.CanonicalWord(c, s, kind), s, counts.Where(x => x.Category == c && x.State == s).Sum(x => x.Count))))];
    }
}
