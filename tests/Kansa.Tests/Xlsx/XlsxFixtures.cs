using Kansa.Calendar;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Xlsx;

/// <summary>Databases and exports the workbook tests share: the demo samples, the seed, import and export.</summary>
internal static class XlsxFixtures
{
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A database holding the demo samples (four documents, three audits) on an engine.</summary>
    public static async Task<TestDatabase> DemoAsync(string engine = "sqlite")
    {
        var db = await TestDatabase.CreateAsync(engine);
        var result = await ImportAsync(db, [.. TestPaths.DemoSamples]);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }

    /// <summary>A database holding the seed publication (skips the test without it).</summary>
    public static async Task<TestDatabase> SeedAsync(string engine = "sqlite")
    {
        TestPaths.RequireSeed();
        var db = await TestDatabase.CreateAsync(engine);
        var result = await ImportAsync(db, TestPaths.SeedFile);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }

    public static async Task<ImportResult> ImportAsync(TestDatabase db, params string[] files)
    {
        await using var context = db.CreateContext();
        return await new ImportStatusReports(context, Time).RunAsync(files, dryRun: false, null, CancellationToken.None);
    }

    public static async Task<byte[]> ExportAsync(TestDatabase db, string format, YearMonth? asOf = null, string? audit = null)
    {
        await using var context = db.CreateContext();
        var snapshot = await new LoadReportSnapshot(context, Time).RunAsync(asOf, audit, CancellationToken.None);
        using var stream = new MemoryStream();
        await ReportWriters.Find(format)!.WriteAsync(snapshot!, stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>Parses bytes as the importer reads a file of that name.</summary>
    public static (ParsedReport? Report, IReadOnlyList<ImportProblem> Problems) Parse(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return new StatusReportParser(Kansa.Status.StatusVocabulary.Default).ParseFileAsync(path, CancellationToken.None).GetAwaiter().GetResult();
    }
}
