using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Recurrence;

/// <summary>A finding as a similar or recurring one is listed.</summary>
/// <param name="Id">Its id.</param>
/// <param name="AuditKey">Its audit's key.</param>
/// <param name="AuditName">令和4年度包括外部監査.</param>
/// <param name="FiscalYear">Its audit's fiscal year.</param>
/// <param name="Number">R4-指-4.</param>
/// <param name="Title">Its title.</param>
public sealed record FindingRef(int Id, string AuditKey, string AuditName, int FiscalYear, string Number, string Title);

/// <summary>A similar finding of another audit.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Score">How alike, 0..1.</param>
/// <param name="SharedTerms">The words both share.</param>
public sealed record SimilarFinding(FindingRef Finding, double Score, IReadOnlyList<string> SharedTerms);

/// <summary>A word shared by similar findings of audits of different years.</summary>
/// <param name="Term">The word (再委託).</param>
/// <param name="Findings">The findings, oldest audit first.</param>
public sealed record RecurringTheme(string Term, IReadOnlyList<FindingRef> Findings)
{
    /// <summary>The fiscal years it appears in, oldest first.</summary>
    public IReadOnlyList<int> Years => [.. Findings.Select(f => f.FiscalYear).Distinct().Order()];
}

/// <summary>
/// Finds recurring findings (「前にも指摘されていないか」) over the findings whose title is public, with
/// <see cref="SimilarityIndex"/>. The index is built once per data version (<see cref="RecurrenceIndexCache"/>), not per
/// render: after a change anywhere, the first request builds the new one.
/// </summary>
public sealed class LoadRecurrence(KansaDbContext db, IDataVersion version, RecurrenceIndexCache cache)
{
    /// <summary>The least score listed.</summary>
    public const double Minimum = 0.12;

    /// <summary>The findings most like <paramref name="findingId"/> in other audits.</summary>
    public async Task<IReadOnlyList<SimilarFinding>> SimilarToAsync(int findingId, CancellationToken ct)
    {
        var built = await IndexAsync(ct);
        return [.. built.Index.Similar(findingId, 5, Minimum).Select(m => new SimilarFinding(built.Refs[m.Id], m.Score, m.SharedTerms))];
    }

    /// <summary>Words shared by similar findings of different fiscal years, those over the most years first.</summary>
    public async Task<IReadOnlyList<RecurringTheme>> ThemesAsync(int count, CancellationToken ct) =>
        [.. (await IndexAsync(ct)).Themes.Take(count)];

    /// <summary>The index of the current data.</summary>
    public async Task<RecurrenceIndex> IndexAsync(CancellationToken ct)
    {
        var current = await version.CurrentAsync(ct);

        // Not cancelled with this request: other requests may be waiting for the same build. This request's context
        // stays alive (and unused meanwhile) until the build is done, since the request awaits it to the end.
        return await cache.GetAsync(current, () => BuildAsync(CancellationToken.None));
    }

    /// <summary>The themes of an index: words shared by similar findings of different fiscal years.</summary>
    internal static IReadOnlyList<RecurringTheme> Themes(SimilarityIndex index, IReadOnlyDictionary<int, FindingRef> refs)
    {
        var themes = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var id in refs.Keys)
        {
            foreach (var match in index.Similar(id, 5, Minimum).Where(m => refs[m.Id].FiscalYear != refs[id].FiscalYear))
            {
                foreach (var term in match.SharedTerms)
                {
                    if (!themes.TryGetValue(term, out var set))
                    {
                        themes[term] = set = [];
                    }

                    set.Add(id);
                    set.Add(match.Id);
                }
            }
        }

        return [.. themes
            .Select(t => new RecurringTheme(t.Key, [.. t.Value.Select(i => refs[i]).OrderBy(f => f.FiscalYear).ThenBy(f => f.AuditKey, StringComparer.Ordinal).ThenBy(f => f.Number, StringComparer.Ordinal)]))
            .Where(t => t.Years.Count >= 2)
            .OrderByDescending(t => t.Years.Count).ThenByDescending(t => t.Findings.Count).ThenByDescending(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal)];
    }

    private async Task<RecurrenceIndex> BuildAsync(CancellationToken ct)
    {
        var rows = await db.Findings.AsNoTracking()
            .Where(f => f.Title != null)
            .Select(f => new { f.Id, f.AuditId, f.Audit!.Key, f.Audit.Kind, f.Audit.FiscalYear, f.Number, f.Title, f.Excerpt })
            .ToListAsync(ct);
        var refs = rows.ToDictionary(r => r.Id, r => new FindingRef(r.Id, r.Key, $"{Audits.FiscalYears.Label(r.FiscalYear)}{r.Kind}", r.FiscalYear, r.Number, r.Title!));
        return new RecurrenceIndex(new SimilarityIndex(rows.Select(r => new TermDocument(r.Id, r.AuditId, r.Title!, r.Excerpt))), refs);
    }
}
