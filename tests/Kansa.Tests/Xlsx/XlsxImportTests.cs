using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Xlsx;

/// <summary>A workbook export read back: into a new database it gives the same data, into the same one it changes nothing.</summary>
public class XlsxImportTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_demo_workbook_imported_into_a_new_database_gives_the_same_json(string engine)
    {
        await using var first = await XlsxFixtures.DemoAsync(engine);
        await using var second = await TestDatabase.CreateAsync(engine);
        await AssertRoundTripAsync(first, second, sharedStrings: false);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_seed_workbook_imported_into_a_new_database_gives_the_same_json(string engine)
    {
        await using var first = await XlsxFixtures.SeedAsync(engine);
        await using var second = await TestDatabase.CreateAsync(engine);
        await AssertRoundTripAsync(first, second, sharedStrings: false);
    }

    [Fact]
    public async Task A_workbook_saved_with_shared_strings_as_excel_does_reads_the_same()
    {
        await using var first = await XlsxFixtures.DemoAsync();
        await using var second = await TestDatabase.CreateAsync("sqlite");
        await AssertRoundTripAsync(first, second, sharedStrings: true);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Re_importing_an_unchanged_export_changes_nothing(string engine)
    {
        await using var db = await XlsxFixtures.DemoAsync(engine);
        using var dir = new TempDir();
        var path = dir.File("report.xlsx");
        var xlsx = await XlsxFixtures.ExportAsync(db, "xlsx");
        await File.WriteAllBytesAsync(path, xlsx);
        var before = await DbFingerprint.TakeAsync(db);

        var run = await CliRun.RunAsync("import", path, "--db", db.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("新規 0、内容の更新 0)、状況の記録 0 件を追加", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(db));
        Assert.Equal(xlsx, await XlsxFixtures.ExportAsync(db, "xlsx"));
    }

    [Fact]
    public async Task The_format_is_told_by_the_content_not_by_the_name()
    {
        await using var first = await XlsxFixtures.DemoAsync();
        await using var second = await TestDatabase.CreateAsync("sqlite");
        using var dir = new TempDir();
        var path = dir.File("公表資料.txt");
        await File.WriteAllBytesAsync(path, await XlsxFixtures.ExportAsync(first, "xlsx"));

        var run = await CliRun.RunAsync("import", path, "--db", second.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(await XlsxFixtures.ExportAsync(first, "json"), await XlsxFixtures.ExportAsync(second, "json"));
    }

    [Fact]
    public async Task The_command_line_writes_the_workbook_with_export_format_xlsx()
    {
        await using var db = await XlsxFixtures.DemoAsync();
        using var dir = new TempDir();
        var path = dir.File("r.xlsx");

        var run = await CliRun.RunAsync("export", "--format", "xlsx", "--audit", "R5-包括外部監査", "--as-of", "2024-06", "-o", path, "--db", db.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        var model = WorkbookModel.Read(await File.ReadAllBytesAsync(path));
        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)", Assert.Single(model.Sheets).Rows[0]![0]!.Text);
    }

    private static async Task AssertRoundTripAsync(TestDatabase first, TestDatabase second, bool sharedStrings)
    {
        using var dir = new TempDir();
        var path = dir.File("report.xlsx");
        var xlsx = await XlsxFixtures.ExportAsync(first, "xlsx");
        await File.WriteAllBytesAsync(path, sharedStrings ? WorkbookModel.Read(xlsx).Write(sharedStrings: true) : xlsx);

        var result = await XlsxFixtures.ImportAsync(second, path);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(await XlsxFixtures.ExportAsync(first, "json"), await XlsxFixtures.ExportAsync(second, "json"));
    }
}
