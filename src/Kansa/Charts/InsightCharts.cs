using Kansa.Audits;
using Kansa.Findings;
using Kansa.Insight;

namespace Kansa.Charts;

/// <summary>The charts of the public pages, built from the same numbers that their tables show.</summary>
public static class InsightCharts
{
    /// <summary>The URL segment of a category's progress chart: progress-finding.svg, progress-opinion.svg.</summary>
    public static string Code(FindingCategory category) => category == FindingCategory.Finding ? "finding" : "opinion";

    /// <summary>The address of a category's progress chart of an audit.</summary>
    public static string ProgressPath(string auditKey, FindingCategory category) =>
        $"/audits/{Uri.EscapeDataString(auditKey)}/progress-{Code(category)}.svg";

    /// <summary>Done and open of one category at each publication month of an audit.</summary>
    public static BarChart Progress(string auditName, CategoryRounds c) => new(
        $"{c.Category.Label()}の{c.DoneWord}・{c.OpenWord} (公表年月ごと、全{c.Total}件)",
        $"{auditName}の{c.Category.Label()}{c.Total}件のうち、公表年月ごとの{c.DoneWord}の累計と{c.OpenWord}の件数。",
        [.. c.Rounds.Select(r => r.Month.ToShortWareki())],
        [
            new BarSeries($"{c.DoneWord} (累計)", ChartColors.Done, [.. c.Rounds.Select(r => r.Done)]),
            new BarSeries(c.OpenWord, ChartColors.Open, [.. c.Rounds.Select(r => r.Open)]),
        ],
        "件数");

    /// <summary>The departments' findings: done, open under a year, open a year or more after the report.</summary>
    public static BarChart Departments(IReadOnlyList<DepartmentOverview> departments) => new(
        "所管課ごとの指摘・意見 (措置済・対応済と未措置・未対応)",
        "所管課ごとに、措置済・対応済、監査から1年未満の未措置・未対応、1年以上の未措置・未対応の件数。",
        [.. departments.Select(d => d.Name)],
        [
            new BarSeries("措置済・対応済", ChartColors.Done, [.. departments.Select(d => d.Done)]),
            new BarSeries("未措置・未対応 (監査から1年未満)", ChartColors.Open, [.. departments.Select(d => d.Open - d.OpenAYearOrMore)]),
            new BarSeries("未措置・未対応 (監査から1年以上)", ChartColors.OpenLong, [.. departments.Select(d => d.OpenAYearOrMore)]),
        ],
        "件数",
        Horizontal: true);

    /// <summary>Done findings by months from the report to done, per category.</summary>
    public static BarChart Spans(AgeingSummary summary) => new(
        "監査の報告から措置済・対応済までの期間",
        "措置済・対応済になった指摘・意見の、監査の報告からその公表までの期間ごとの件数 (指摘と意見を積み上げ)。",
        [.. summary.Spans.Select(s => s.Label)],
        [.. FindingCategories.All.Select((c, i) => new BarSeries(
            c == FindingCategory.Finding ? "指摘 (措置済)" : "意見 (対応済)",
            i == 0 ? ChartColors.Done : ChartColors.DoneLater,
            [.. summary.Spans.Select(s => s.Done[i])]))],
        "件数");

    /// <summary>Per audit fiscal year: done within a year, done later, open under a year, open a year or more.</summary>
    public static BarChart Years(AgeingSummary summary) => new(
        "監査の年度ごとの措置・対応の早さ",
        "監査の年度ごとに、報告から1年未満で措置済・対応済、1年以上かかって措置済・対応済、未措置・未対応 (1年未満、1年以上) の件数。",
        [.. summary.Years.Select(y => FiscalYears.Label(y.FiscalYear))],
        [
            new BarSeries("1年未満で措置済・対応済", ChartColors.Done, [.. summary.Years.Select(y => y.DoneWithinAYear)]),
            new BarSeries("1年以上かかって措置済・対応済", ChartColors.DoneLater, [.. summary.Years.Select(y => y.DoneLater)]),
            new BarSeries("未措置・未対応 (1年未満)", ChartColors.Open, [.. summary.Years.Select(y => y.OpenUnderAYear)]),
            new BarSeries("未措置・未対応 (1年以上)", ChartColors.OpenLong, [.. summary.Years.Select(y => y.OpenAYearOrMore)]),
        ],
        "件数");
}
