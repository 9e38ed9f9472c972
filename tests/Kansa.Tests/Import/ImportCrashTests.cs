using System.Text;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Tests.Support;
using static Kansa.Tests.Import.Parsing;

namespace Kansa.Tests.Import;

/// <summary>
/// The crash classes the fuzz harness found (issue 7, item 5), each with its smallest input: every one is now an
/// ordinary problem, FILE:LINE: 日本語の説明 with exit code 1, and the other files of the batch are still checked.
/// </summary>
public class ImportCrashTests
{
    private const string Title = ReportText.Title;

    public static TheoryData<string> CaseNames => [.. Cases().Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Check_reports_the_line_in_Japanese_and_exits_1(string name)
    {
        var (bytes, line, message) = Cases()[name];
        using var dir = new TempDir();
        var path = dir.File("crash.txt");
        await File.WriteAllBytesAsync(path, bytes);

        var run = await CliRun.RunAsync("check", path, "--db", dir.File("none.db"));

        Assert.True(run.ExitCode == 1, run.Error);
        Assert.Contains($"{path}:{line}: {message}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_text_is_a_problem_of_its_line()
    {
        // No decoder yields a lone surrogate from a file (they become U+FFFD), but text handed to the parser can hold one.
        var text = ReportText.Document([ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: "<p>件名\uD800</p>")], null);

        var problems = Refuse(text);

        var column = SourceText.SplitLines(text)[LineOf(text, "R5-指-1") - 1].IndexOf('\uD800', StringComparison.Ordinal) + 1;
        Assert.StartsWith($"{Source}:{LineOf(text, "R5-指-1")}: {column}文字目に取り込めない文字 U+D800 があります", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_first_file_still_lets_the_second_file_be_checked()
    {
        using var dir = new TempDir();
        var first = dir.File("first.txt");
        await File.WriteAllBytesAsync(first, Cases()["arabic-indic-digits-in-pages"].Bytes);
        var secondText = ReportText.Document([ReportText.Row("R5-指-1", "指摘", "済んだ (R7.8)")], null);
        var second = dir.Write("second.txt", secondText);

        var run = await CliRun.RunAsync("check", first, second, "--db", dir.File("none.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{first}:{Cases()["arabic-indic-digits-in-pages"].Line}: 報告書頁「P٤٥」", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{second}:{LineOf(secondText, "済んだ")}: 対応区分「済んだ」は登録されていない語です", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 件の問題があるため、何も書き込んでいません。", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_NUL_or_a_noncharacter_is_refused_before_the_database_sees_it(string engine)
    {
        // PostgreSQL refuses NUL in text (22021) at save time, after the parser had accepted the file.
        await using var db = await TestDatabase.CreateAsync(engine);
        using var dir = new TempDir();
        var good = dir.Write("good.txt", ReportText.Valid());
        Assert.Equal(0, (await CliRun.RunAsync("import", good, "--db", db.DbArgument)).ExitCode);
        var before = await ParserErrorTests.StoredData.JsonAsync(db);
        var bad = dir.File("nul.txt");
        await File.WriteAllBytesAsync(bad, Cases()["nul-in-a-cell"].Bytes);

        var run = await CliRun.RunAsync("import", bad, "--db", db.DbArgument);

        Assert.True(run.ExitCode == 1, run.Error);
        Assert.Contains($"{bad}:{Cases()["nul-in-a-cell"].Line}: {Cases()["nul-in-a-cell"].Message}", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await ParserErrorTests.StoredData.JsonAsync(db));
    }

    /// <summary>Each crash class: the file's bytes, the line and the start of the message expected there.</summary>
    private static Dictionary<string, (byte[] Bytes, int Line, string Message)> Cases()
    {
        var cases = new Dictionary<string, (byte[], int, string)>(StringComparer.Ordinal);
        void Add(string name, string text, string fragment, string message, Encoding? encoding = null) =>
            cases.Add(name, ((encoding ?? new UTF8Encoding(false)).GetBytes(text), LineOf(text, fragment), message));
        string Doc(string row, string title = Title) => ReportText.Document([row], null, title);

        Add("arabic-indic-digits-in-pages", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", pages: "P٤٥")), "P٤٥",
            "報告書頁「P٤٥」に半角・全角以外の数字「٤」があります");
        Add("devanagari-digits-in-a-page-range", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", pages: "P4~४६")), "P4~",
            "報告書頁「P4~४६」に半角・全角以外の数字「४」があります");
        Add("page-number-overflowing-int", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", pages: "P99999999999")), "P99999999999",
            "報告書頁「P99999999999」の頁番号が大きすぎます (6桁まで)");
        Add("arabic-indic-digits-in-the-publication-month", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R٧.٨)")), "R5-指-1",
            "公表年月「R٧.٨」を読めません: 「R٧.٨」に半角・全角以外の数字「٧」があります");
        Add("bengali-digit-in-a-western-month", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (2025年৮月)")), "R5-指-1",
            "公表年月「2025年৮月」を読めません: 「2025年৮月」に半角・全角以外の数字「৮」があります");
        Add("arabic-indic-digits-in-the-title-month", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "令和5年度包括外部監査の結果に対する対応状況(令和7年٨月現在)"), "令和5年度",
            "表題の「〜現在」の年月を読めません: 「令和7年٨月」に半角・全角以外の数字「٨」があります");
        Add("devanagari-digit-in-the-fiscal-year", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "令和५年度包括外部監査の結果に対する対応状況(令和7年8月現在)"), "令和",
            "年度「令和५」に半角・全角以外の数字「५」があります");
        Add("a-month-before-meiji", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (1834年8月)")), "R5-指-1",
            "公表年月「1834年8月」を読めません: 1834-08 は扱える範囲 (1868-10〜2999-12) の外です");
        Add("a-title-month-before-meiji", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "1800年度包括外部監査の結果に対する対応状況(1800年1月現在)"), "1800年度",
            "年度「1800」は扱える範囲 (1869〜2998年度) の外です");
        Add("a-title-month-far-in-the-future", Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "令和5年度包括外部監査の結果に対する対応状況(9999年12月現在)"), "令和5年度",
            "表題の「〜現在」の年月を読めません: 9999-12 は扱える範囲 (1868-10〜2999-12) の外です");
        void AddCharacter(string name, string row, string character, string codePoint, Encoding? encoding = null) =>
            Add(name, Doc(row), "R5-指-1", $"{row.IndexOf(character, StringComparison.Ordinal) + 1}文字目に取り込めない文字 {codePoint} があります", encoding);
        AddCharacter("u-fffe-in-a-cell", ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", department: "総務課\uFFFE"), "\uFFFE", "U+FFFE");
        AddCharacter("nul-in-a-cell", ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", response: "<p>対応\0しました。</p>"), "\0", "U+0000");
        AddCharacter(
            "a-noncharacter-beyond-the-first-plane-in-utf16",
            ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: "<p>件名\U0010FFFF</p>"),
            "\U0010FFFF",
            "U+10FFFF",
            new UnicodeEncoding(bigEndian: false, byteOrderMark: false));
        var huge = ReportText.Document([ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)")], "指摘事項\t\n措置済\t1\n未措置\t9999\n合計\t10000");
        Add("a-summary-count-that-would-create-findings-without-end", huge, "合計\t10000",
            "集計表の指摘「合計」の件数 10000 は大きすぎます (9999件まで)");

        // UTF-16 needs its BOM for the decoder to recognise it.
        var utf16 = cases["a-noncharacter-beyond-the-first-plane-in-utf16"];
        cases["a-noncharacter-beyond-the-first-plane-in-utf16"] = ([0xFF, 0xFE, .. utf16.Item1], utf16.Item2, utf16.Item3);
        return cases;
    }
}
