using Kansa.Calendar;
using Kansa.Findings;

namespace Kansa.Insight;

/// <summary>How one audit came along, publication after publication: done and open per category at each month.</summary>
/// <param name="AuditKey">The audit's key.</param>
/// <param name="AuditName">令和5年度包括外部監査.</param>
/// <param name="Categories">指摘 and 意見 apart, as a city's table counts them.</param>
public sealed record AuditProgress(string AuditKey, string AuditName, IReadOnlyList<CategoryRounds> Categories);

/// <summary>One category of an audit over its publication months.</summary>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="DoneWord">措置済 or 対応済 (the audit's word).</param>
/// <param name="OpenWord">未措置 or 未対応.</param>
/// <param name="Total">How many findings the category has.</param>
/// <param name="Rounds">Each publication month, oldest first.</param>
public sealed record CategoryRounds(FindingCategory Category, string DoneWord, string OpenWord, int Total, IReadOnlyList<RoundCount> Rounds)
{
    /// <summary>The latest count: 4 / 7.</summary>
    public RoundCount? Latest => Rounds.Count == 0 ? null : Rounds[^1];
}

/// <summary>The count of one category as of a publication month.</summary>
/// <param name="Month">The month (公表年月 or a document's 〜現在).</param>
/// <param name="Done">Done by then (cumulative).</param>
/// <param name="NewlyDone">Published as done in that month.</param>
/// <param name="Total">The category's total.</param>
public sealed record RoundCount(YearMonth Month, int Done, int NewlyDone, int Total)
{
    /// <summary>Not done by then.</summary>
    public int Open => Total - Done;
}
