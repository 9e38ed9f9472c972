using Kansa.Import;
using Kansa.OpenData;
using Kansa.Tests.Reliability;
using Kansa.Tests.Support;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Kansa.Tests.Publication;

/// <summary>
/// The official report printed to PDF by Debian's Chromium through <c>kansa export --format pdf</c>, read back with
/// PdfPig: page size, pages, fonts, the title and column header on every page, the findings and the summary table.
/// </summary>
public class ReportPdfTests(ITestOutputHelper output)
{
    private const string SeedTitle = "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)";

    [SkippableFact]
    public async Task The_seed_prints_as_the_city_publishes_it()
    {
        TestPaths.RequireSeed();
        await using var db = await ImportedAsync([TestPaths.SeedFile]);
        using var dir = new TempDir();

        var run = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "pdf", "-o", dir.File("seed.pdf"));

        Assert.True(run.ExitCode == 0, run.Error);
        var bytes = await File.ReadAllBytesAsync(dir.File("seed.pdf"));
        using var pdf = PdfDocument.Open(bytes);
        PdfFiles.AssertA4Landscape(pdf);
        Assert.True(pdf.NumberOfPages > 1, $"{pdf.NumberOfPages} page(s)");
        var fonts = PdfFiles.AssertFontsEmbedded(pdf);
        var pages = PdfFiles.PageTexts(pdf);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(pages[i].Contains(SeedTitle, StringComparison.Ordinal), $"page {i + 1} has no title:\n{pages[i]}");
            AssertHeader(pages[i], i + 1);
            Assert.Contains($"{i + 1}/{pages.Count}", pages[i], StringComparison.Ordinal);
        }

        // The 14 findings the seed lists (those with a published status), and none of the 22 still open.
        var listed = File.ReadLines(TestPaths.SeedFile).Where(l => l.StartsWith("R5-", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(14, listed.Count);
        Assert.Equal(listed.Order(StringComparer.Ordinal), PdfFiles.Numbers(string.Concat(pages)).Order(StringComparer.Ordinal));

        // The summary table on the last page only, in the city's form.
        var last = pages[^1];
        foreach (var line in (string[])["指摘事項", "措置済4", "未措置3", "うち措置中0", "うち措置を行わない0", "合計7", "対応済10", "未対応19", "うち対応中0", "うち対応しない0", "合計29"])
        {
            Assert.True(last.Contains(line, StringComparison.Ordinal), $"the last page lacks 「{line}」:\n{last}");
        }

        Assert.DoesNotContain(pages.SkipLast(1), p => p.Contains("集計(", StringComparison.Ordinal));
        var png = await PdfFiles.FirstPagePngAsync(bytes, "seed-report-page-1");
        output.WriteLine($"{pdf.NumberOfPages} pages, fonts {string.Join(", ", fonts)}; page 1: {png}");
    }

    [Fact]
    public async Task A_long_report_repeats_title_and_header_on_every_page()
    {
        // 30 findings with long excerpts and responses: several pages, without the seed.
        var rows = Enumerable.Range(1, 30).Select(n => ReportText.Row(
            $"R5-指-{n}", "指摘", n % 3 == 0 ? "措置中 (R7.8)" : "措置済 (R7.8)",
            content: $"<p>件名その{n}</p> <p>{string.Concat(Enumerable.Repeat("契約書の見直しについて記載がなされていた。", 12))}</p> <ul style=\"list-style-type: none\"> ・一つ目 ・二つ目 </ul>",
            response: $"<p>{string.Concat(Enumerable.Repeat("令和6年4月より約款に記載することとした。", 8))}</p>")).ToList();
        using var input = new TempDir();
        var file = input.Write("long.txt", ReportText.Document(rows, ReportText.Summary(20, 10, 0, 0)));
        await using var db = await ImportedAsync([file]);

        var run = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "pdf", "-o", input.File("long.pdf"));

        Assert.True(run.ExitCode == 0, run.Error);
        var bytes = await File.ReadAllBytesAsync(input.File("long.pdf"));
        using var pdf = PdfDocument.Open(bytes);
        PdfFiles.AssertA4Landscape(pdf);
        PdfFiles.AssertFontsEmbedded(pdf);
        Assert.True(pdf.NumberOfPages > 3, $"{pdf.NumberOfPages} page(s)");
        var pages = PdfFiles.PageTexts(pdf);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(ReportText.Title, pages[i], StringComparison.Ordinal);
            Assert.Contains("テーマ「テストのための監査」", pages[i], StringComparison.Ordinal);
            AssertHeader(pages[i], i + 1);
            Assert.Contains($"{i + 1}/{pages.Count}", pages[i], StringComparison.Ordinal);
        }

        Assert.Equal(30, PdfFiles.Numbers(string.Concat(pages)).Count);
        // 20 done; the 10 措置中 are under 未措置, as a うち line.
        Assert.Contains("措置済20", pages[^1], StringComparison.Ordinal);
        Assert.Contains("未措置10", pages[^1], StringComparison.Ordinal);
        Assert.Contains("うち措置中10", pages[^1], StringComparison.Ordinal);
        Assert.Contains("・一つ目", pages[0], StringComparison.Ordinal);
        output.WriteLine($"{pdf.NumberOfPages} pages; page 1: {await PdfFiles.FirstPagePngAsync(bytes, "long-report-page-1")}");
    }

    [Fact]
    public async Task Every_audit_starts_on_a_new_page_when_the_PDF_holds_them_all()
    {
        await using var db = await ImportedAsync(TestPaths.DemoSamples);
        using var dir = new TempDir();

        var run = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "pdf", "-o", dir.File("all.pdf"));

        Assert.True(run.ExitCode == 0, run.Error);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(dir.File("all.pdf")));
        string[] titles =
        [
            "令和6年度定期監査の結果に対する対応状況(令和7年8月現在)",
            "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)",
            "令和4年度包括外部監査の結果に対する対応状況(令和7年8月現在)",
        ];
        // Each page carries exactly one audit's title, and the audits follow one another without mixing.
        var pageTitles = PdfFiles.PageTexts(pdf).Select(text => Assert.Single(titles, t => text.Contains(t, StringComparison.Ordinal))).ToList();
        Assert.Equal(titles, pageTitles.Distinct());
        Assert.Equal(pageTitles.Order(Comparer<string>.Create((a, b) => Array.IndexOf(titles, a) - Array.IndexOf(titles, b))), pageTitles);
    }

    [Fact]
    public async Task Without_chromium_the_command_names_the_package_and_exits_1()
    {
        await using var db = await ImportedAsync(TestPaths.DemoSamples);
        using var dir = new TempDir();
        using var process = KansaProcess.Start(
            new Dictionary<string, string?> { ["KANSA_Kansa__Pdf__Chromium"] = "/nonexistent/chromium" },
            "export", "--db", db.DbArgument, "--format", "pdf", "-o", dir.File("r.pdf"));

        Assert.True(await process.WaitAsync(TimeSpan.FromMinutes(2)), process.Output);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("PDF を作るには chromium が必要です", process.Output, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium fonts-ipaexfont", process.Output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/chromium", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", process.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("r.pdf")));
    }

    private static void AssertHeader(string page, int number)
    {
        foreach (var column in Glossary.ReportColumns)
        {
            Assert.True(page.Contains(column, StringComparison.Ordinal), $"page {number} lacks the column header 「{column}」:\n{page}");
        }
    }

    private static async Task<TestDatabase> ImportedAsync(IReadOnlyList<string> files)
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, TimeProvider.System).RunAsync(files, dryRun: false, null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }
}
