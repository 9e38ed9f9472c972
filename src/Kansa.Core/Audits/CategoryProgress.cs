using Kansa.Reports;
using Kansa.Status;

namespace Kansa.Audits;

/// <summary>
/// How far one category of an audit has come, in the city's words: 措置済 4 / 指摘 6, 対応済 10 / 意見 29.
/// A city's table counts 指摘 and 意見 apart, so a single figure for both would be a number no city publishes.
/// </summary>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="DoneWord">The word of the done state for this category and audit kind (措置済, 対応済).</param>
/// <param name="Done">How many are done.</param>
/// <param name="Total">How many the category has.</param>
public sealed record CategoryProgress(FindingCategory Category, string DoneWord, int Done, int Total)
{
    /// <summary>措置済 4 / 指摘 6.</summary>
    public string Text => $"{DoneWord} {Done} / {Category.Label()} {Total}";

    /// <summary>Share done, 0..100.</summary>
    public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);

    /// <summary>The progress of each category that an audit's summary table has, in report order.</summary>
    public static IReadOnlyList<CategoryProgress> FromSummary(IReadOnlyList<SummaryRow> summary) =>
        [.. FindingCategories.All
            .Where(c => summary.Any(r => r.Category == c))
            .Select(c => new CategoryProgress(
                c,
                summary.First(r => r.Category == c && r.State == StatusState.Done).Status,
                summary.Where(r => r.Category == c && r.State == StatusState.Done).Sum(r => r.Count),
                summary.Where(r => r.Category == c).Sum(r => r.Count)))];
}
