namespace Kansa.Tests.Support;

/// <summary>Builds status-report documents in the published layout, for tests of variants and errors.</summary>
public static class ReportText
{
    public const string Title = "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)";

    public const string Theme = "テーマ「テストのための監査」";

    public const string Header = "番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分(公表年月)\t措置(対応)の内容";

    public const string DashRow = "----\t----\t----\t----\t----\t----\t----";

    /// <summary>A data row.</summary>
    public static string Row(string number, string category, string status, string pages = "P10", string department = "総務課",
        string content = "<p>件名</p> <p>本文です。</p>", string response = "<p>対応しました。</p>") =>
        string.Join('\t', number, pages, category, department, content, status, response);

    /// <summary>A summary table in the seed's shape.</summary>
    public static string Summary(int findingsDone, int findingsOpen, int opinionsDone, int opinionsOpen) =>
        $"指摘事項\t\t意見\t\n措置済\t{findingsDone}\t対応済\t{opinionsDone}\n未措置\t{findingsOpen}\t未対応\t{opinionsOpen}\n" +
        $"合計\t{findingsDone + findingsOpen}\t合計\t{opinionsDone + opinionsOpen}";

    /// <summary>A whole document: a page of rows, then the closing page with the summary table.</summary>
    public static string Document(IEnumerable<string> rows, string? summary, string title = Title, string theme = Theme, string header = Header)
    {
        var text = $"{title}\n\n{theme}\n\n{header}\n{string.Join('\n', rows)}\n";
        return summary is null ? text : text + $"\n{title}\n\n{theme}\n\n{header}\n{DashRow}\n\n{summary}\n";
    }

    /// <summary>The usual small valid document: 指-1 done, 指-2 open, 意-1 done, 意-2 and 意-3 open.</summary>
    public static string Valid(string title = Title) => Document(
        [Row("R5-指-1", "指摘", "措置済 (R7.8)"), Row("R5-意-1", "意見", "対応済 (R6.6)")],
        Summary(1, 1, 1, 2),
        title);
}
