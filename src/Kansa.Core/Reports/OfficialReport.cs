using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// One audit laid out as the city publishes it (公表資料): the findings the report lists and the summary table in the
/// city's form. The city's document lists the findings whose status it has published by the report's month (措置済,
/// 対応済, and also 措置中 or 対応しない once published, each with its 公表年月); findings still without a published
/// status are not listed but are counted in the summary, which always covers every finding of the audit.
/// </summary>
/// <param name="Audit">The audit as of the report's month.</param>
/// <param name="Listed">The findings the report lists, in report order.</param>
/// <param name="Summary">The summary table: 指摘事項 then 意見, always both.</param>
public sealed record OfficialReport(AuditSnapshot Audit, IReadOnlyList<FindingAsOf> Listed, IReadOnlyList<SummaryColumn> Summary)
{
    /// <summary>
    /// The states counted under the open row (未措置 / 未対応) of the city's table, which has only two rows: whatever is
    /// not done is not 措置済. The importer folds them the same way when it checks a city's summary table.
    /// </summary>
    public static readonly IReadOnlyList<StatusState> UnderOpen = [StatusState.InProgress, StatusState.WillNotImplement];

    /// <summary>Lays out one audit; <paramref name="vocabulary"/> gives the words of states no finding is in yet.</summary>
    public static OfficialReport From(AuditSnapshot audit, StatusVocabulary vocabulary)
    {
        var listed = audit.Findings.Where(f => f.Published is not null).ToList();
        var columns = FindingCategories.All.Select(c => Column(audit, c, vocabulary)).ToList();
        return new OfficialReport(audit, listed, columns);
    }

    private static SummaryColumn Column(AuditSnapshot audit, FindingCategory category, StatusVocabulary vocabulary)
    {
        int Count(StatusState s) => audit.Findings.Count(f => f.Category == category && f.State == s);
        string Word(StatusState s) =>
            audit.Summary.FirstOrDefault(r => r.Category == category && r.State == s)?.Status
            ?? vocabulary.CanonicalWord(category, s, audit.Kind);

        var done = new SummaryLine(Word(StatusState.Done), Count(StatusState.Done));
        var parts = UnderOpen.Select(s => new SummaryLine(Glossary.Of + Word(s), Count(s))).ToList();
        var open = new SummaryLine(Word(StatusState.Open), Count(StatusState.Open) + parts.Sum(p => p.Count));
        var heading = category.Label() + (category == FindingCategory.Finding ? "事項" : "");
        return new SummaryColumn(category, heading, done, open, parts, audit.Findings.Count(f => f.Category == category));
    }
}

/// <summary>One category's column of the summary table.</summary>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Heading">指摘事項 or 意見, as the city heads the column.</param>
/// <param name="Done">措置済 / 対応済 and its count.</param>
/// <param name="Open">未措置 / 未対応: every finding not done, the finer states included.</param>
/// <param name="OpenParts">The 「うち…」 lines under <paramref name="Open"/>, always present (a zero still shows).</param>
/// <param name="Total">合計.</param>
public sealed record SummaryColumn(FindingCategory Category, string Heading, SummaryLine Done, SummaryLine Open, IReadOnlyList<SummaryLine> OpenParts, int Total);

/// <summary>A line of the summary table: its label and count.</summary>
public sealed record SummaryLine(string Label, int Count);
