using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Audits;

/// <summary>
/// The audits with their progress as of their latest document: the front page. Reads only the status columns,
/// never the prose, so that its cost stays small as years of findings accumulate (docs/benchmarks.md).
/// </summary>
public sealed class ListAudits(KansaDbContext db, TimeProvider time)
{
    /// <summary>Lists every audit, newest fiscal year first.</summary>
    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken ct)
    {
        var audits = await db.Audits.AsNoTracking()
            .Select(a => new { a.Id, a.Key, a.Kind, a.FiscalYear, a.Theme, a.DocumentKind, a.LatestDocument })
            .ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking().Select(f => new { f.Id, f.AuditId, f.Category }).ToListAsync(ct);
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var records = (await db.StatusRecords.AsNoTracking()
                .Select(r => new StatusRecord
                {
                    Id = r.Id, FindingId = r.FindingId, Word = r.Word, State = r.State, Published = r.Published,
                    AsOf = r.AsOf, RecordedAt = r.RecordedAt, Source = "",
                })
                .ToListAsync(ct))
            .ToLookup(r => r.FindingId);
        var now = YearMonth.FromDate(time.GetLocalNow());
        return [.. audits
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a =>
            {
                var ownFindings = findings.Where(f => f.AuditId == a.Id).ToList();
                var own = ownFindings.Select(f => records[f.Id]).ToList();
                var asOf = own.SelectMany(r => r).Select(r => (YearMonth?)r.AsOf).Append(a.LatestDocument).Max() ?? now;
                var states = own.Select(r => StatusTimeline.At(r, asOf)?.State ?? StatusState.Open).ToList();
                var progress = FindingCategories.All
                    .Select(c => (Category: c, States: ownFindings.Zip(states).Where(x => x.First.Category == c).Select(x => x.Second).ToList()))
                    .Where(x => x.States.Count > 0)
                    .Select(x => new CategoryProgress(
                        x.Category, vocabulary.CanonicalWord(x.Category, StatusState.Done, a.Kind), x.States.Count(s => s == StatusState.Done), x.States.Count))
                    .ToList();
                return new Item(
                    a.Key, $"{FiscalYears.Label(a.FiscalYear)}{a.Kind}{a.DocumentKind}({asOf.ToWareki()}{Glossary.AsOf})",
                    a.Kind, FiscalYears.Label(a.FiscalYear), a.Theme, asOf, states.Count,
                    states.Count(s => s == StatusState.Done), states.Count(s => s == StatusState.InProgress), states.Count(s => s == StatusState.WillNotImplement))
                {
                    Progress = progress,
                };
            })];
    }

    /// <summary>One audit and its counts.</summary>
    public sealed record Item(
        string Key,
        string Title,
        string Kind,
        string FiscalYearLabel,
        string? Theme,
        YearMonth AsOf,
        int Total,
        int Done,
        int InProgress,
        int WillNotImplement)
    {
        /// <summary>Findings neither done nor declined.</summary>
        public int Open => Total - Done - InProgress - WillNotImplement;

        /// <summary>Progress of 指摘 and 意見 apart, in the city's words (措置済 4 / 指摘 6), for the categories the audit has.</summary>
        public IReadOnlyList<CategoryProgress> Progress { get; init; } = [];

        /// <summary>Share done, 0..100.</summary>
        public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
    }
}
