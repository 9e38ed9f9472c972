using Kansa.Findings;

namespace Kansa.Insight;

/// <summary>
/// How long findings stay open, over every audit: months from the report to done (措置済, 対応済) by span, findings still
/// open a year or more after the report (「監査から○年経っても未措置」), and the same per audit fiscal year.
/// </summary>
/// <param name="Spans">Done findings by months to done, and open findings by months open, per category.</param>
/// <param name="Years">One row per audit fiscal year, newest first.</param>
/// <param name="LongOpen">Open findings a year or more after their report, the longest first.</param>
public sealed record AgeingSummary(IReadOnlyList<SpanCount> Spans, IReadOnlyList<YearAgeing> Years, IReadOnlyList<FindingAge> LongOpen)
{
    /// <summary>The spans counted, in months (lower bound inclusive, upper exclusive).</summary>
    public static readonly IReadOnlyList<(int From, int? To, string Label)> Buckets =
    [
        (0, 6, "6か月未満"), (6, 12, "6か月〜1年"), (12, 24, "1年〜2年"), (24, 36, "2年〜3年"), (36, null, "3年以上"),
    ];

    /// <summary>Counts the findings.</summary>
    public static AgeingSummary From(IReadOnlyList<FindingAge> findings)
    {
        var spans = Buckets.Select(b => new SpanCount(
            b.Label,
            [.. FindingCategories.All.Select(c => findings.Count(f => f.Finding.Category == c && In(b, f.MonthsToDone)))],
            [.. FindingCategories.All.Select(c => findings.Count(f => f.Finding.Category == c && In(b, f.MonthsOpen)))])).ToList();
        var years = findings.GroupBy(f => f.Finding.FiscalYear).OrderByDescending(g => g.Key).Select(g => new YearAgeing(
            g.Key,
            g.Count(),
            g.Count(f => f.MonthsToDone < 12),
            g.Count(f => f.MonthsToDone >= 12),
            g.Count(f => f.MonthsOpen < 12),
            g.Count(f => f.MonthsOpen >= 12),
            Median([.. g.Where(f => f.MonthsToDone is not null).Select(f => f.MonthsToDone!.Value)]))).ToList();
        var longOpen = findings.Where(f => f.MonthsOpen >= 12)
            .OrderByDescending(f => f.MonthsOpen).ThenBy(f => f.Finding.AuditKey, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Category).ThenBy(f => f.Finding.Sequence).ToList();
        return new AgeingSummary(spans, years, longOpen);
    }

    private static bool In((int From, int? To, string Label) bucket, int? months) =>
        months is { } m && m >= bucket.From && (bucket.To is null || m < bucket.To);

    private static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}

/// <summary>One span of months, counted per category in <see cref="FindingCategories.All"/> order.</summary>
/// <param name="Label">6か月未満 ….</param>
/// <param name="Done">Findings done that many months after the report, per category.</param>
/// <param name="Open">Findings open that many months after the report, per category.</param>
public sealed record SpanCount(string Label, IReadOnlyList<int> Done, IReadOnlyList<int> Open);

/// <summary>The findings of the audits of one fiscal year.</summary>
/// <param name="FiscalYear">The audits' fiscal year.</param>
/// <param name="Total">Their findings.</param>
/// <param name="DoneWithinAYear">Done less than 12 months after the report.</param>
/// <param name="DoneLater">Done 12 months or more after the report.</param>
/// <param name="OpenUnderAYear">Open, less than 12 months after the report.</param>
/// <param name="OpenAYearOrMore">Open 12 months or more after the report.</param>
/// <param name="MedianMonthsToDone">The median months to done, when any is done.</param>
public sealed record YearAgeing(int FiscalYear, int Total, int DoneWithinAYear, int DoneLater, int OpenUnderAYear, int OpenAYearOrMore, double? MedianMonthsToDone);
