using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kansa.Calendar;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Reports;

/// <summary>Every report format: golden files, the JSON schema, CSV for Excel, and as-of months.</summary>
public class ExportTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string?> GoldenCases => new()
    {
        { "text", null },
        { "json", null },
        { "csv", null },
        { "json", "2024-06" },
        { "text", "2024-06" },
    };

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task Writes_the_demo_as_the_golden_files_say(string format, string? asOf)
    {
        await using var db = await DemoAsync();
        var bytes = await ExportAsync(db, format, asOf is null ? null : YearMonth.Parse(asOf), null);
        var writer = ReportWriters.Find(format)!;
        Golden.AssertMatches($"demo{(asOf is null ? "" : "-as-of-" + asOf)}{writer.Extension}", bytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2024-06")]
    [InlineData("2019-01")]
    public async Task The_json_export_validates_against_the_published_schema(string? asOf)
    {
        await using var db = await DemoAsync();
        var bytes = await ExportAsync(db, "json", asOf is null ? null : YearMonth.Parse(asOf), null);
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(TestPaths.Output("schemas", "kansa-1.schema.json")));

        var result = schema.Evaluate(JsonDocument.Parse(bytes).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join('\n', (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task The_schema_refuses_a_document_that_breaks_it()
    {
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(TestPaths.Output("schemas", "kansa-1.schema.json")));
        await using var db = await DemoAsync();
        var document = JsonNode.Parse(await ExportAsync(db, "json", null, null))!;
        document["audits"]![0]!["findings"]![0]!["state"] = "finished";

        Assert.False(schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public async Task The_csv_has_a_bom_and_one_row_per_finding()
    {
        await using var db = await DemoAsync();
        var bytes = await ExportAsync(db, "csv", null, null);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(string.Join(',', CsvReportWriter.Columns), text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await ExportAsync(db, "json", null, null));
        var findings = json.RootElement.GetProperty("audits").EnumerateArray().Sum(a => a.GetProperty("findings").GetArrayLength());
        var records = await CountCsvRecordsAsync(bytes);
        Assert.Equal(findings, records);
    }

    [Fact]
    public async Task One_audit_can_be_exported_alone()
    {
        await using var db = await DemoAsync();
        var json = JsonDocument.Parse(await ExportAsync(db, "json", null, "R4-包括外部監査"));

        var audit = Assert.Single(json.RootElement.GetProperty("audits").EnumerateArray());
        Assert.Equal("R4-包括外部監査", audit.GetProperty("key").GetString());
    }

    [Fact]
    public async Task The_text_export_of_the_demo_re_imports_as_identical_data()
    {
        await using var first = await DemoAsync();
        using var dir = new TempDir();
        var text = dir.File("demo.txt");
        await File.WriteAllBytesAsync(text, await ExportAsync(first, "text", null, null));
        await using var second = await TestDatabase.CreateAsync("sqlite");

        var result = await ImportAsync(second, text);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(await ExportAsync(first, "json", null, null), await ExportAsync(second, "json", null, null));
    }

    [Fact]
    public async Task Html_in_the_data_is_escaped_in_the_text_export()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var dir = new TempDir();
        var file = dir.Write("x.txt", ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: "<p>A &amp; B &lt;b&gt;</p>", response: "<p>x &lt; y</p>")],
            ReportText.Summary(1, 0, 0, 0)));
        await ImportAsync(db, file);

        var text = Encoding.UTF8.GetString(await ExportAsync(db, "text", null, null));

        Assert.Contains("<p>A &amp; B &lt;b&gt;</p>", text, StringComparison.Ordinal);
        Assert.Contains("<p>x &lt; y</p>", text, StringComparison.Ordinal);
    }

    private static async Task<int> CountCsvRecordsAsync(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var count = 0;
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            count++;
        }

        return count;
    }

    private async Task<TestDatabase> DemoAsync()
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        var result = await ImportAsync(db, [.. TestPaths.DemoSamples]);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }

    private async Task<ImportResult> ImportAsync(TestDatabase db, params string[] files)
    {
        await using var context = db.CreateContext();
        return await new ImportStatusReports(context, time).RunAsync(files, dryRun: false, null, CancellationToken.None);
    }

    private async Task<byte[]> ExportAsync(TestDatabase db, string format, YearMonth? asOf, string? audit)
    {
        await using var context = db.CreateContext();
        var snapshot = await new LoadReportSnapshot(context, time).RunAsync(asOf, audit, CancellationToken.None);
        using var stream = new MemoryStream();
        await ReportWriters.Find(format)!.WriteAsync(snapshot!, stream, CancellationToken.None);
        return stream.ToArray();
    }
}
