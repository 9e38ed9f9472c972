using System.Text.RegularExpressions;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Kansa.Tests.Import.Parsing;

namespace Kansa.Tests.Import;

/// <summary>
/// Bad input (PRODUCT.md §5, docs/formats.md §1.6): every problem is reported as FILE:LINE: message, in Japanese,
/// at the line where it is; check and import exit non-zero; nothing already stored is touched.
/// </summary>
public partial class ParserErrorTests(ParserErrorTests.StoredData stored) : IClassFixture<ParserErrorTests.StoredData>
{
    private static readonly string[] Engines = ["sqlite", "postgres"];

    private static readonly Dictionary<string, BadDocument> Cases = BuildCases();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static TheoryData<string, string> CasesOnEngines
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in Cases.Keys)
            {
                foreach (var engine in Engines)
                {
                    data.Add(name, engine);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_problem_is_reported_at_its_line_in_Japanese(string name)
    {
        var bad = Cases[name];

        var problems = Refuse(bad.Text);

        Assert.Equal(bad.Expected.Length, problems.Count);
        foreach (var (expected, actual) in bad.Expected.Zip(problems))
        {
            Assert.StartsWith($"{Source}:{expected.Line}: {expected.Message}", actual, StringComparison.Ordinal);
            Assert.Matches(Japanese(), actual);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Check_prints_the_problems_and_exits_non_zero(string name)
    {
        var bad = Cases[name];
        using var dir = new TempDir();
        var path = dir.Write("bad.txt", bad.Text);

        var run = await CliRun.RunAsync("check", path, "--db", dir.File("none.db"));

        Assert.Equal(1, run.ExitCode);
        foreach (var (line, message) in bad.Expected)
        {
            Assert.Contains($"{path}:{line}: {message}", run.Error, StringComparison.Ordinal);
        }

        Assert.Contains($"{bad.Expected.Length} 件の問題があるため、何も書き込んでいません。", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Theory]
    [MemberData(nameof(CasesOnEngines))]
    public async Task A_failed_import_writes_nothing_and_loses_nothing(string name, string engine)
    {
        var db = await stored.DatabaseAsync(engine);
        using var dir = new TempDir();
        var path = dir.Write("bad.txt", Cases[name].Text);

        var run = await CliRun.RunAsync("import", path, "--db", db.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:{Cases[name].Expected[0].Line}: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(stored.Json(engine), await StoredData.JsonAsync(db));
        Assert.Equal(stored.Records(engine), await StoredData.RecordsAsync(db));
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_named_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var missing = dir.File("no-such-report.txt");
        var db = await stored.DatabaseAsync("sqlite");

        var check = await CliRun.RunAsync("check", missing, "--db", dir.File("none.db"));
        var import = await CliRun.RunAsync("import", missing, "--db", db.DbArgument);

        // A problem of the whole file has no line (docs/formats.md §1.6).
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{missing}: ファイルが見つかりません", check.Error, StringComparison.Ordinal);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"{missing}: ファイルが見つかりません", import.Error, StringComparison.Ordinal);
        Assert.Equal(stored.Json("sqlite"), await StoredData.JsonAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task One_bad_file_among_several_keeps_the_good_ones_out_too(string engine)
    {
        var db = await stored.DatabaseAsync(engine);
        using var dir = new TempDir();
        var bad = dir.Write("bad.txt", Cases["unknown-status-word"].Text);
        var samples = TestPaths.DemoSamples;

        var run = await CliRun.RunAsync("import", samples[0], bad, samples[3], "--db", db.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:{Cases["unknown-status-word"].Expected[0].Line}: 対応区分「済んだ」は登録されていない語です", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{samples[0]}:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{samples[3]}:", run.Error, StringComparison.Ordinal);
        Assert.Equal(stored.Json(engine), await StoredData.JsonAsync(db));
        Assert.Equal(stored.Records(engine), await StoredData.RecordsAsync(db));

        // The same good files alone are accepted: it was the bad one that kept them out.
        var good = await CliRun.RunAsync("check", samples[0], samples[3], "--db", db.DbArgument);
        Assert.True(good.ExitCode == 0, good.Error);
    }

    [Fact]
    public async Task Lines_count_right_in_a_Shift_JIS_file_with_CRLF_and_the_message_names_its_words()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bad = Cases["several-problems"];
        using var dir = new TempDir();
        var path = dir.File("sjis.txt");
        await File.WriteAllBytesAsync(path, System.Text.Encoding.GetEncoding(932).GetBytes(bad.Text.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var run = await CliRun.RunAsync("check", path, "--db", dir.File("none.db"));

        Assert.Equal(1, run.ExitCode);
        foreach (var (line, message) in bad.Expected)
        {
            Assert.Contains($"{path}:{line}: {message}", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Problems_in_several_files_are_all_named_by_their_file()
    {
        var problems = new List<string>();
        foreach (var name in new[] { "unknown-status-word", "duplicate-number" })
        {
            var (report, found) = new StatusReportParser(Kansa.Status.StatusVocabulary.Default).Parse(name + ".txt", Cases[name].Text);
            Assert.Null(report);
            problems.AddRange(found.Select(p => p.ToString()));
        }

        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"unknown-status-word.txt:{Cases["unknown-status-word"].Expected[0].Line}: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"duplicate-number.txt:{Cases["duplicate-number"].Expected[0].Line}: ", problems[1], StringComparison.Ordinal);
    }

    private static Dictionary<string, BadDocument> BuildCases()
    {
        var cases = new Dictionary<string, BadDocument>(StringComparer.Ordinal);
        void Add(string name, string text, params (int Line, string Message)[] expected) => cases.Add(name, new BadDocument(text, expected));
        string Doc(params string[] rows) => ReportText.Document(rows, null);
        string Done(string number) => ReportText.Row(number, number.Contains('指', StringComparison.Ordinal) ? "指摘" : "意見", number.Contains('指', StringComparison.Ordinal) ? "措置済 (R7.8)" : "対応済 (R7.8)");

        var missing = Doc(Done("R5-指-1"), string.Join('\t', "R5-指-2", "P10", "指摘", "総務課", "<p>件名</p>", "措置済 (R7.8)"));
        Add("missing-columns", missing, (LineOf(missing, "R5-指-2"), "列が足りません: 見出しは 7 列ですが、この行は 6 列です (区切りはタブ)"));

        var extra = Doc(Done("R5-指-1") + "\t\t余分な列\t");
        Add("extra-columns", extra, (LineOf(extra, "R5-指-1"), "列が多すぎます: 見出しは 7 列ですが、この行は 9 列です"));

        var duplicate = Doc(Done("R5-指-1"), Done("R5-意-1"), ReportText.Row("Ｒ５－指－１", "指摘", "措置済 (R7.8)"));
        Add("duplicate-number", duplicate, (LineOf(duplicate, "Ｒ５－指－１"), $"番号「R5-指-1」が重複しています ({LineOf(duplicate, "R5-指-1")}行目と同じ番号です)"));

        var word = Doc(Done("R5-指-1"), ReportText.Row("R5-指-2", "指摘", "済んだ (R7.8)"));
        Add("unknown-status-word", word, (LineOf(word, "R5-指-2"), "対応区分「済んだ」は登録されていない語です (使える語: 措置済、"));

        var month13 = Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (R6.13)"));
        Add("month-13", month13, (LineOf(month13, "R5-指-1"), "公表年月「R6.13」を読めません: 月「13」は 1〜12 ではありません"));

        var heisei32 = Doc(ReportText.Row("R5-指-1", "指摘", "措置済 (平成32年1月)"));
        Add("heisei-32", heisei32, (LineOf(heisei32, "R5-指-1"), "公表年月「平成32年1月」を読めません: 平成32年1月は存在しません (元号の範囲外です)"));

        var bareHeisei32 = Doc(ReportText.Row("R5-指-1", "指摘", "措置済 平成32年1月"));
        Add("heisei-32-without-brackets", bareHeisei32, (LineOf(bareHeisei32, "R5-指-1"), "公表年月「平成32年1月」を読めません"));

        var titleMonth = ReportText.Document([Done("R5-指-1")], null, title: "令和5年度包括外部監査の結果に対する対応状況(令和7年13月現在)");
        Add("title-month-13", titleMonth, (1, "表題の「〜現在」の年月を読めません: 月「13」は 1〜12 ではありません"));

        var late = Doc(Done("R5-指-1"), ReportText.Row("R5-指-2", "指摘", "措置済 (R7.9)"));
        Add("published-after-as-of", late, (LineOf(late, "R5-指-2"), "公表年月 令和7年9月 が表題の 令和7年8月現在 より後です"));

        var early = Doc(ReportText.Row("R5-意-1", "意見", "対応済 (令和5年3月)"));
        Add("published-before-the-fiscal-year", early, (LineOf(early, "R5-意-1"), "公表年月 令和5年3月 が監査の年度 (令和5年度) より前です"));

        var doneCount = ReportText.Document([Done("R5-指-1"), Done("R5-意-1")], ReportText.Summary(2, 0, 1, 2));
        Add("summary-done-count", doneCount, (LineOf(doneCount, "措置済\t2"), "集計表の指摘「措置済」は 2 件ですが、一覧には 1 件あります"));

        var total = ReportText.Document(
            [Done("R5-指-1"), Done("R5-意-1")],
            "指摘事項\t\t意見\t\n措置済\t1\t対応済\t1\n未措置\t1\t未対応\t2\n合計\t3\t合計\t3");
        Add("summary-total", total, (LineOf(total, "合計\t3"), "集計表の指摘の合計 3 件が内訳の和 2 件と一致しません"));

        var beyond = ReportText.Document([Done("R5-指-5"), Done("R5-意-1")], ReportText.Summary(1, 1, 1, 2));
        Add("number-beyond-total", beyond, (LineOf(beyond, "R5-指-5"), "番号「R5-指-5」の連番 5 は集計表の指摘の合計 2 件の範囲 (1〜2) にありません"));

        var open = ReportText.Document(
            [Done("R5-指-1"), ReportText.Row("R5-指-2", "指摘", "措置中 (R7.8)"), ReportText.Row("R5-指-3", "指摘", "検討中 (R7.8)")],
            "指摘事項\t\n措置済\t1\n未措置\t1\n合計\t2");
        Add(
            "summary-open-count",
            open,
            (LineOf(open, "未措置\t1"), "集計表の指摘の未完了は 1 件ですが、一覧には未完了の指摘が 2 件あります"),
            (LineOf(open, "R5-指-3"), "番号「R5-指-3」の連番 3 は集計表の指摘の合計 2 件の範囲 (1〜2) にありません"));

        var summaryWord = ReportText.Document([Done("R5-指-1")], "指摘事項\t\n済\t1\n未措置\t0\n合計\t1");
        Add("summary-unknown-word", summaryWord, (LineOf(summaryWord, "済\t1"), "集計表の「済」は指摘の対応区分として登録されていない語です"));

        var category = Doc(ReportText.Row("R5-意-3", "指摘", "措置済 (R7.8)"));
        Add("number-and-category-disagree", category, (LineOf(category, "R5-意-3"), "番号「R5-意-3」は意見の番号ですが、区分は「指摘」です"));


        var number = Doc(ReportText.Row("R5-指-", "指摘", "措置済 (R7.8)"));
        Add("unreadable-number", number, (LineOf(number, "R5-指-"), "番号「R5-指-」を読めません: 末尾に連番が必要です (例: R5-指-3)"));

        var kind = Doc(ReportText.Row("R5-指-1", "所見", "措置済 (R7.8)"));
        Add("unknown-category", kind, (LineOf(kind, "所見"), "区分「所見」は「指摘」でも「意見」でもありません"));

        var noStatus = ReportText.Document([Done("R5-指-1")], null, header: "番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t公開日\t措置(対応)の内容");
        Add("header-without-status-column", noStatus, (5, "見出し行に 「対応区分(公表年月)」 の列がありません"));

        var noNumber = ReportText.Document(
            [string.Join('\t', "P10", "指摘", "総務課", "<p>件名</p>", "措置済 (R7.8)", "<p>対応</p>")],
            null,
            header: "報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分(公表年月)\t措置(対応)の内容");
        Add("header-without-number-column", noNumber, (5, "見出し行に 「番号」 の列がありません"));

        var beforeTitle = Done("R5-指-9") + "\n" + ReportText.Valid();
        Add("data-before-any-title", beforeTitle, (1, "表題行 (〜の結果に対する対応状況(〜現在)) より前に内容があります"));

        var noHeader = string.Join('\n', ReportText.Title, "", ReportText.Theme, "", Done("R5-指-1"));
        Add("data-before-the-header", noHeader, (5, "見出し行 (番号、報告書頁、区分 …) の前にデータがあります"));

        var asOf = ReportText.Document([Done("R5-指-1")], ReportText.Summary(1, 0, 0, 0))
            .Replace("(令和7年8月現在)\n\n" + ReportText.Theme + "\n\n" + ReportText.Header + "\n" + ReportText.DashRow, "(令和7年9月現在)\n\n" + ReportText.Theme + "\n\n" + ReportText.Header + "\n" + ReportText.DashRow, StringComparison.Ordinal);
        Add("as-of-differs-between-pages", asOf, (LineOf(asOf, "令和7年9月現在"), "同じ監査の表題で「〜現在」が 令和7年8月 (1行目) と 令和7年9月 で異なります"));

        Add("empty-file", "", (1, "監査の表題行 (例: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)) が見つかりません"));
        Add("blank-file", "\r\n  \n\t\n", (1, "監査の表題行 (例: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)) が見つかりません"));
        Add("title-without-table", ReportText.Title + "\n\n" + ReportText.Theme + "\n", (1, "表題行の後に見出し行 (番号、報告書頁、区分 …) がありません"));

        // Several problems: every one is reported in line order, and the summary table (which the unreadable
        // rows would contradict) is not blamed for them.
        var several = ReportText.Document(
            [
                ReportText.Row("R5-指-1", "指摘", "済んだ (R7.8)"),
                ReportText.Row("R5-指-", "指摘", "措置済 (R7.8)"),
                Done("R5-意-1"),
                ReportText.Row("R5-意-1", "所見", "対応済 (R6.13)"),
                string.Join('\t', "R5-意-2", "P10", "意見"),
            ],
            ReportText.Summary(2, 0, 2, 0).Replace("合計\t2\t合計\t2", "合計\t2\t合計\t3", StringComparison.Ordinal));
        Add(
            "several-problems",
            several,
            (LineOf(several, "済んだ"), "対応区分「済んだ」は登録されていない語です"),
            (LineOf(several, "R5-指-\t"), "番号「R5-指-」を読めません"),
            (LineOf(several, "所見"), "区分「所見」は「指摘」でも「意見」でもありません"),
            (LineOf(several, "所見"), $"番号「R5-意-1」が重複しています ({LineOf(several, "R5-意-1")}行目と同じ番号です)"),
            (LineOf(several, "所見"), "公表年月「R6.13」を読めません"),
            (LineOf(several, "R5-意-2"), "列が足りません"),
            (LineOf(several, "合計\t2\t合計\t3"), "集計表の意見の合計 3 件が内訳の和 2 件と一致しません"));
        return cases;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}|\p{IsKatakana}")]
    private static partial Regex Japanese();

    /// <summary>A document that must be refused, and the problems expected, in order.</summary>
    public sealed record BadDocument(string Text, (int Line, string Message)[] Expected);

    /// <summary>A database on each engine that already holds the seed (or, without it, the demo samples).</summary>
    public sealed class StoredData : IAsyncLifetime
    {
        private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        private readonly Dictionary<string, (TestDatabase Db, string Json, int Records)> databases = [];

        public string Json(string engine) => databases[engine].Json;

        public int Records(string engine) => databases[engine].Records;

        /// <summary>The engine's database, created and filled on first use.</summary>
        /// <remarks>xunit runs the tests of one class one after another, so this needs no lock.</remarks>
        public async Task<TestDatabase> DatabaseAsync(string engine)
        {
            if (!databases.TryGetValue(engine, out var entry))
            {
                var db = await TestDatabase.CreateAsync(engine);
                string[] files = File.Exists(TestPaths.SeedFile) ? [TestPaths.SeedFile] : [.. TestPaths.DemoSamples.Skip(1).Take(2)];
                await using (var context = db.CreateContext())
                {
                    var result = await new ImportStatusReports(context, Time).RunAsync(files, dryRun: false, null, CancellationToken.None);
                    Assert.True(result.Succeeded, string.Join('\n', result.Problems));
                }

                entry = (db, await JsonAsync(db), await RecordsAsync(db));
                Assert.Contains("\"findings\"", entry.Json, StringComparison.Ordinal);
                databases[engine] = entry;
            }

            return entry.Db;
        }

        /// <summary>The JSON export of everything stored.</summary>
        public static async Task<string> JsonAsync(TestDatabase db)
        {
            await using var context = db.CreateContext();
            var snapshot = await new LoadReportSnapshot(context, Time).RunAsync(null, null, CancellationToken.None);
            using var stream = new MemoryStream();
            await new JsonReportWriter().WriteAsync(snapshot!, stream, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>How many status records are stored.</summary>
        public static async Task<int> RecordsAsync(TestDatabase db)
        {
            await using var context = db.CreateContext();
            return await context.StatusRecords.CountAsync();
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var (db, _, _) in databases.Values)
            {
                await db.DisposeAsync();
            }
        }
    }
}
