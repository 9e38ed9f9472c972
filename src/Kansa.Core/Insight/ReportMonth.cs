using Kansa.Audits;
using Kansa.Calendar;

namespace Kansa.Insight;

/// <summary>
/// The month of "the report" (監査の報告) from which the time a finding stays open is counted: the audit's report date
/// when it is registered, else the last month of the audit's fiscal year (March), since a 包括外部監査 report is due
/// within its fiscal year (地方自治法252条の37第5項) and a status report gives no date of its own.
/// </summary>
public static class ReportMonth
{
    /// <summary>What the public pages say about the rule.</summary>
    public const string Rule =
        "「監査の報告」の月は、報告書の提出日が登録されている監査はその月、登録されていない監査はその年度の末 (3月) としています "
        + "(包括外部監査の報告書は年度内に提出されるため)。措置済・対応済になった月は、その状況の公表年月です。"
        + "未措置・未対応の期間は、各監査の最新の公表資料の時点 (〜現在) までの月数です。";

    /// <summary>The month the report was made, and whether it was assumed (no report date registered).</summary>
    public static (YearMonth Month, bool Assumed) Of(DateOnly? reportDate, int fiscalYear) =>
        reportDate is { } day ? (new YearMonth(day.Year, day.Month), false) : (new YearMonth(fiscalYear + 1, 3), true);

    /// <summary>The report month of an audit.</summary>
    public static (YearMonth Month, bool Assumed) Of(Audit audit) => Of(audit.ReportDate, audit.FiscalYear);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (never below zero).</summary>
    public static int MonthsBetween(YearMonth from, YearMonth to) =>
        Math.Max(0, ((to.Year - from.Year) * 12) + to.Month - from.Month);

    /// <summary>A span of months as people say it: 5か月, 1年, 2年3か月.</summary>
    public static string Describe(int months) => (months / 12, months % 12) switch
    {
        (0, var m) => $"{m}か月",
        (var y, 0) => $"{y}年",
        var (y, m) => $"{y}年{m}か月",
    };
}
