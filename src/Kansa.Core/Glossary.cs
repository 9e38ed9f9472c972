namespace Kansa;

/// <summary>
/// The Japanese words of the domain, kept in one place so that code stays in English
/// while every label a user reads comes from here.
/// </summary>
public static class Glossary
{
    /// <summary>指摘: a finding that calls for corrective action.</summary>
    public const string Shiteki = "指摘";

    /// <summary>意見: an opinion attached to the report.</summary>
    public const string Iken = "意見";

    /// <summary>The one-letter form of 指摘 used in finding numbers (R5-指-3).</summary>
    public const string ShitekiLetter = "指";

    /// <summary>The one-letter form of 意見 used in finding numbers (R5-意-4).</summary>
    public const string IkenLetter = "意";

    /// <summary>合計: total row of the summary table.</summary>
    public const string Total = "合計";

    /// <summary>現在: "as of", as in 令和7年8月現在.</summary>
    public const string AsOf = "現在";

    /// <summary>うち: "of which", before a finer state counted inside a row of the summary table (うち措置中).</summary>
    public const string Of = "うち";

    /// <summary>テーマ: the theme line of a status report.</summary>
    public const string Theme = "テーマ";

    /// <summary>対応状況: the default document kind of a status report.</summary>
    public const string StatusReport = "対応状況";

    /// <summary>
    /// 操作記録: the change log (every change, sign-in, export and download). Not 監査ログ: in Kansa "audit"
    /// is 監査, the subject the city follows up.
    /// </summary>
    public const string ChangeLog = "操作記録";

    /// <summary>年度: fiscal year.</summary>
    public const string FiscalYear = "年度";

    /// <summary>The seven column headers of the status report, in the seed's order.</summary>
    public static readonly IReadOnlyList<string> ReportColumns =
        ["番号", "報告書頁", "区分", "所管課", "内容(報告書より抜粋)", "対応区分(公表年月)", "措置(対応)の内容"];

    /// <summary>Labels of the canonical states, for pages.</summary>
    public static string StateLabel(Kansa.Status.StatusState state) => state switch
    {
        Kansa.Status.StatusState.Open => "未着手",
        Kansa.Status.StatusState.InProgress => "対応中",
        Kansa.Status.StatusState.Done => "完了",
        Kansa.Status.StatusState.WillNotImplement => "実施しない",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
