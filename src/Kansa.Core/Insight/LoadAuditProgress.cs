using Kansa.Status;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Insight;

/// <summary>
/// Builds <see cref="AuditProgress"/>: for every month in which the audit has a publication (a 公表年月 or a document's
/// 〜現在 month), how many findings of each category were done by then, by the same rule as the audit page's "as of",
/// counted by the database.
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

        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Key == auditKey, ct);
        if (audit is null)
        {
            return null;
        }

        // Counted by the database, one grouped count a month: the cost follows the publications, not the findings.
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var findings = db.Findings.Where(f => f.AuditId == audit.Id);
        var totals = await findings.GroupBy(f => f.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pairs = await db.StatusRecords.Where(r => findings.Any(f => f.Id == r.FindingId))
            .Select(r => new { r.AsOf, r.Published }).Distinct().ToListAsync(ct);
        var months = pairs.SelectMany(p => p.Published is { } published ? [published, p.AsOf] : new[] { p.AsOf }).Distinct().Order().ToList();
        var done = new Dictionary<YearMonth, Dictionary<FindingCategory, int>>();
        foreach (var month in months)
        {
            done[month] = await StatusInForce.At(db, findings, month).Where(s => s.State == StatusState.Done)
                .GroupBy(s => s.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }

        var categories = FindingCategories.All
            .Where(totals.ContainsKey)
            .Select(c =>
            {
                var rounds = new List<RoundCount>();
                var before = 0;
                foreach (var month in months)
                {
                    var count = done[month].GetValueOrDefault(c);
                    rounds.Add(new RoundCount(month, count, Math.Max(0, count - before), totals[c]));
                    before = count;
                }

                return new CategoryRounds(
                    c,
                    vocabulary.CanonicalWord(c, StatusState.Done, audit.Kind),
                    vocabulary.CanonicalWord(c, StatusState.Open, audit.Kind),
                    totals[c],
                    rounds);
            })
            .ToList();
        return new AuditProgress(audit.Key, $"{Audits.FiscalYears.Label(audit.FiscalYear)}{audit.Kind}", categories);
    }
}
