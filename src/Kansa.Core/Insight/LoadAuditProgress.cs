using Kansa.Status;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Insight;

/// <summary>
/// Builds <see cref="AuditProgress"/>: for every month in which the audit has a publication (a 公表年月 or a document's
/// 〜現在 month), how many findings of each category were done by then, by the same rule as the audit page's "as of".
/// </summary>
public sealed class LoadAuditProgress(KansaDbContext db)
{
    /// <summary>The audit's progress; null when the key is unknown.</summary>
    public async Task<AuditProgress?> RunAsync(string auditKey, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return null;
        }

        var audit = await db.Audits.AsNoTracking()
            .Include(a => a.Findings).ThenInclude(f => f.StatusRecords)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Key == auditKey, ct);
        if (audit is null)
        {
            return null;
        }

        var vocabulary = await db.LoadVocabularyAsync(ct);
        var months = LoadReportSnapshot.KnownMonths(audit.Findings.SelectMany(f => f.StatusRecords)).Order().ToList();
        var categories = FindingCategories.All
            .Where(c => audit.Findings.Any(f => f.Category == c))
            .Select(c =>
            {
                var findings = audit.Findings.Where(f => f.Category == c).ToList();
                var rounds = new List<RoundCount>();
                var before = 0;
                foreach (var month in months)
                {
                    var done = findings.Count(f => StatusTimeline.At(f.StatusRecords, month)?.State == StatusState.Done);
                    rounds.Add(new RoundCount(month, done, Math.Max(0, done - before), findings.Count));
                    before = done;
                }

                return new CategoryRounds(
                    c,
                    vocabulary.CanonicalWord(c, StatusState.Done, audit.Kind),
                    vocabulary.CanonicalWord(c, StatusState.Open, audit.Kind),
                    findings.Count,
                    rounds);
            })
            .ToList();
        return new AuditProgress(audit.Key, $"{Audits.FiscalYears.Label(audit.FiscalYear)}{audit.Kind}", categories);
    }
}
