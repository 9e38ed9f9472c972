using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Audits;

/// <summary>
/// The audits with their progress as of their latest document: the front page, a page of audits at a time. Reads only
/// the status columns of the page's audits, never the prose and never another page's findings, so that its cost stays
/// the same as years of audits accumulate (docs/benchmarks.md §14.6).
/// </summary>
public sealed class ListAudits(KansaDbContext db, TimeProvider time)
{
    /// <summary>Audits a page of the front page.</summary>
    public const int PageSize = 50;

    /// <summary>Lists a page of the audits (from 1; past the last, the last), newest fiscal year first.</summary>
    public async Task<Page> RunAsync(int page, CancellationToken ct)
    {
        var total = await db.Audits.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var audits = await db.Audits.AsNoTracking()
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Key, a.Kind, a.FiscalYear, a.Theme, a.DocumentKind, a.LatestDocument })
            .ToListAsync(ct);
        var ids = audits.Select(a => a.Id).ToList();
        var onPage = db.Findings.Where(f => ids.Contains(f.AuditId));
        var findings = (await onPage.AsNoTracking().Select(f => new { f.Id, f.AuditId, f.Category }).ToListAsync(ct)).ToLookup(f => f.AuditId);
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var records = (await db.StatusRecords.AsNoTracking()
                .Where(r => onPage.Any(f => f.Id == r.FindingId))
                .Select(r => new StatusRecord
                {
                    Id = r.Id, FindingId = r.FindingId, Word = r.Word, State = r.State, Published = r.Published,
                    AsOf = r.AsOf, RecordedAt = r.RecordedAt, Source = "",
                })
                .ToListAsync(ct))
            .ToLookup(r => r.FindingId);
        var now = YearMonth.FromDate(time.GetLocalNow());
        IReadOnlyList<Item> items = [.. audits
            // The database's order is the same (year, then key) on both engines' byte-wise collations; this keeps it exact.
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a =>
            {
                var ownFindings = findings[a.Id].ToList();
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
        return new Page(items, page, total);
    }

    /// <summary>A page of audits.</summary>
    /// <param name="Items">The audits on it.</param>
    /// <param name="Number">Its number, from 1.</param>
    /// <param name="Total">Audits on every page.</param>
    public sealed record Page(IReadOnlyList<Item> Items, int Number, int Total)
    {
        /// <summary>The number of pages (at least 1).</summary>
        public int Count => Math.Max(1, (Total + PageSize - 1) / PageSize);

        /// <summary>The position of the first audit on it, from 1 (0 when there is none).</summary>
        public int First => Items.Count == 0 ? 0 : ((Number - 1) * PageSize) + 1;

        /// <summary>The position of its last audit.</summary>
        public int Last => First + Items.Count - 1;
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
