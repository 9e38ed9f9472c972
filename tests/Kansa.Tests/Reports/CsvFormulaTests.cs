using System.Globalization;
using System.Text;
using System.Text.Json;
using Kansa.ChangeLog;
using Kansa.Import;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Reports;

/// <summary>
/// Cells a spreadsheet would run as formulas (<c>=HYPERLINK(…)</c> as a title) are written with a leading apostrophe,
/// and the documented reverse rule gives back exactly what the JSON export says.
/// </summary>
public class CsvFormulaTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/\",\"詳細\")";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Formula_cells_get_an_apostrophe_as_the_golden_file_says()
    {
        await using var db = await HostileAsync();

        var csv = await ExportAsync(db, "csv");

        Golden.AssertMatches("formulas.csv", csv);
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains("\"'" + Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("," + Hyperlink[..10], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_one_leading_apostrophe_gives_back_the_exact_values_of_the_json()
    {
        await using var db = await HostileAsync();
        var json = JsonDocument.Parse(await ExportAsync(db, "json"));
        var expected = json.RootElement.GetProperty("audits")[0].GetProperty("findings").EnumerateArray()
            .Select(f => (Title: f.GetProperty("title").GetString(), Excerpt: f.GetProperty("excerpt").GetString(), Response: f.GetProperty("response").GetString()))
            .ToList();

        using var reader = new StreamReader(new MemoryStream(await ExportAsync(db, "csv")));
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var actual = new List<(string?, string?, string?)>();
        while (await csv.ReadAsync())
        {
            actual.Add((Exact(csv, "件名"), Exact(csv, "内容"), Exact(csv, "措置(対応)の内容")));
        }

        Assert.Equal(expected, actual);
        Assert.Contains(expected, f => f.Title == Hyperlink);
        Assert.Contains(expected, f => f.Title == "'引用符で始まる件名");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81-3", "'+81-3")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'x", "''x")]
    [InlineData("件名", "件名")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void The_rule_is_reversible(string value, string cell)
    {
        Assert.Equal(cell, SpreadsheetCells.Protect(value));
        Assert.Equal(value, SpreadsheetCells.Unprotect(SpreadsheetCells.Protect(value)));
    }

    [Fact]
    public async Task The_audit_log_csv_neutralizes_formulas_too()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var context = db.CreateContext();
        var log = new ChangeLogWriter(context, new FixedActor("=cmd|' /C calc'!A0"), time);
        await log.RecordAsync("export", "Test", "'quoted", null, CancellationToken.None);

        var (bytes, _) = await new ExportChangeLog(new SearchChangeLog(context), log).RunAsync(new ChangeLogFilter(null, null, null, null, null), CancellationToken.None);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(",'=cmd|' /C calc'!A0,", text, StringComparison.Ordinal);
        Assert.Contains(",''quoted,", text, StringComparison.Ordinal);
    }

    private static string? Exact(CsvHelper.CsvReader csv, string column) =>
        csv.GetField(column) is { Length: > 0 } cell ? SpreadsheetCells.Unprotect(cell) : null;

    private async Task<TestDatabase> HostileAsync()
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        using var dir = new TempDir();
        var file = dir.Write("formulas.txt", ReportText.Document(
            [
                ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: $"<p>{Hyperlink}</p> <p>+81-3-1234 に電話</p>", response: "<p>@SUM(A1:A9)</p>"),
                ReportText.Row("R5-指-2", "指摘", "措置済 (R7.8)", content: "<p>'引用符で始まる件名</p> <p>-1 と書いた抜粋</p>", response: "<p>普通の回答</p>"),
                ReportText.Row("R5-意-1", "意見", "対応済 (R6.6)", content: "<p>普通の件名</p> <p>a=b</p>", response: "<p>=1+1</p>"),
            ],
            ReportText.Summary(2, 0, 1, 0)));
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, time).RunAsync([file], dryRun: false, null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }

    private async Task<byte[]> ExportAsync(TestDatabase db, string format)
    {
        await using var context = db.CreateContext();
        var snapshot = await new LoadReportSnapshot(context, time).RunAsync(null, null, CancellationToken.None);
        using var stream = new MemoryStream();
        await ReportWriters.Find(format)!.WriteAsync(snapshot!, stream, CancellationToken.None);
        return stream.ToArray();
    }
}
