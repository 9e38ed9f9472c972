using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Kansa.Calendar;
using Kansa.Import;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Tests.Support;

namespace Kansa.Tests.Xlsx;

/// <summary>The report as an Excel workbook: golden dumps, the seed's rows and summary, valid and stable bytes, no formulas.</summary>
public class XlsxExportTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("2024-06")]
    public async Task The_demo_workbook_has_the_cells_the_golden_dump_says(string? asOf)
    {
        await using var db = await XlsxFixtures.DemoAsync();

        var xlsx = await XlsxFixtures.ExportAsync(db, "xlsx", asOf is null ? null : YearMonth.Parse(asOf));

        Golden.AssertMatches($"demo{(asOf is null ? "" : "-as-of-" + asOf)}.xlsx.txt", Encoding.UTF8.GetBytes(XlsxDump.Of(xlsx)));
    }

    [SkippableFact]
    public async Task The_seed_workbook_lists_the_fourteen_findings_of_the_text_report_and_the_city_summary()
    {
        await using var db = await XlsxFixtures.SeedAsync();

        var model = WorkbookModel.Read(await XlsxFixtures.ExportAsync(db, "xlsx"));
        var text = Encoding.UTF8.GetString(await XlsxFixtures.ExportAsync(db, "text"));

        var sheet = Assert.Single(model.Sheets);
        Assert.Equal("R5-包括外部監査", sheet.Name);
        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)", model.Cell(0, "A1")!.Text);
        Assert.StartsWith("テーマ「DX戦略", model.Cell(0, "A2")!.Text, StringComparison.Ordinal);
        Assert.Equal(Glossary.ReportColumns, sheet.Rows[2]!.Select(c => c!.Text));

        // The same rows as the text format, in the same order, with the same numbers, pages, categories and statuses.
        var textRows = text.Split('\n').Where(l => FindingNumberAt(l) is not null).Select(l => l.Split('\t')).ToList();
        var rows = sheet.Rows.Skip(3).TakeWhile(r => r is not null).ToList();
        Assert.Equal(14, rows.Count);
        Assert.Equal(textRows.Select(r => (r[0], r[1], r[2], r[3], r[5])), rows.Select(r => (r![0]!.Text, r[1]?.Text ?? "", r[2]!.Text, r[3]!.Text, r[5]!.Text)));
        Assert.Equal(HtmlCell.ToPlainText(textRows[0][4]), rows[0]![4]!.Text);

        var summary = model.RowOf(0, "指摘事項");
        Assert.Equal(("措置済", "4", "対応済", "10"), Row(model, summary + 1));
        Assert.Equal(("未措置", "3", "未対応", "19"), Row(model, summary + 2));
        Assert.Equal(("合計", "7", "合計", "29"), Row(model, summary + 3));
        Assert.True(model.Cell(0, $"B{summary + 1}")!.IsNumber);
    }

    [Fact]
    public async Task The_workbook_is_valid_open_xml_and_the_same_data_gives_the_same_bytes()
    {
        await using var db = await XlsxFixtures.DemoAsync();

        var first = await XlsxFixtures.ExportAsync(db, "xlsx");
        var second = await XlsxFixtures.ExportAsync(db, "xlsx");

        Assert.Equal(first, second);
        using var document = SpreadsheetDocument.Open(new MemoryStream(first), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.Equal(["R6-定期監査", "R5-包括外部監査", "R4-包括外部監査"], document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
    }

    [Fact]
    public async Task Cells_that_begin_like_a_formula_are_strings_marked_as_text_and_read_back_exactly()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var dir = new TempDir();
        const string hyperlink = "=HYPERLINK(\"http://evil.example/\",\"詳細\")";
        var file = dir.Write("x.txt", ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: $"<p>{hyperlink}</p><p>+81 と -1 と @いいね と _x0041_</p>", response: "<p>@担当</p>")],
            ReportText.Summary(1, 0, 0, 0)));
        Assert.True((await XlsxFixtures.ImportAsync(db, file)).Succeeded);

        var xlsx = await XlsxFixtures.ExportAsync(db, "xlsx");
        var dump = XlsxDump.Of(xlsx);

        Assert.DoesNotContain("数式!", dump, StringComparison.Ordinal);
        Assert.Contains($"E4 inlineStr s5: {hyperlink}⏎⏎+81 と -1 と @いいね と _x005F_x0041_", dump, StringComparison.Ordinal);
        Assert.Contains("G4 inlineStr s5: @担当", dump, StringComparison.Ordinal);
        await using var second = await TestDatabase.CreateAsync("sqlite");
        var path = dir.File("x.xlsx");
        await File.WriteAllBytesAsync(path, xlsx);
        var result = await XlsxFixtures.ImportAsync(second, path);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(await XlsxFixtures.ExportAsync(db, "json"), await XlsxFixtures.ExportAsync(second, "json"));
    }

    [Fact]
    public void Sheet_names_are_made_valid_and_unique()
    {
        var names = SheetNames.For(["R5/包括:監査[1]*?\\", new string('長', 40), new string('長', 40), "r6-定期監査", "R6-定期監査", "'引用'", "History", ""]);

        Assert.Equal(["R5／包括：監査［1］＊？＼", new string('長', 31), new string('長', 28) + "(2)", "r6-定期監査", "R6-定期監査(2)", "引用", "監査", "監査(2)"], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }

    [Fact]
    public async Task The_report_download_offers_the_workbook()
    {
        await using var db = await XlsxFixtures.DemoAsync();
        await using var host = await WebHost.StartAsync(db.Target);

        var response = await host.Client.GetAsync("/audits/R4-包括外部監査/report.xlsx");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new XlsxReportWriter().ContentType, response.Content.Headers.ContentType?.MediaType);
        var model = WorkbookModel.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("R4-包括外部監査", Assert.Single(model.Sheets).Name);
    }

    private static (string?, string?, string?, string?) Row(WorkbookModel model, int row) =>
        (model.Cell(0, $"A{row}")?.Text, model.Cell(0, $"B{row}")?.Text, model.Cell(0, $"C{row}")?.Text, model.Cell(0, $"D{row}")?.Text);

    private static string? FindingNumberAt(string line) =>
        line.Contains('\t', StringComparison.Ordinal) && Kansa.Findings.FindingNumber.Parse(line.Split('\t')[0]) is { } n && n.Category is not null ? n.Text : null;
}
