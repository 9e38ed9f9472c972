using System.Text.Json;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Cli;

/// <summary>The command line as a user runs it: exit codes, clean stdout, messages on stderr.</summary>
public class CliTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Import_then_export_json_shows_the_seed_as_the_issue_describes(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);

        var import = await CliRun.RunAsync("import", TestPaths.SeedFile, "--db", db.DbArgument);
        var export = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "json");
        var earlier = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "json", "--as-of", "2025-01");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("指摘・意見 36 件", import.Out, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        var audit = Assert.Single(JsonDocument.Parse(export.Out).RootElement.GetProperty("audits").EnumerateArray());
        Assert.Equal(36, audit.GetProperty("findings").GetArrayLength());
        Assert.Equal("4/3/10/19", Summary(audit));
        var findings = audit.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("number").GetString()!);
        Assert.Equal("2024-10", findings["R5-指-7"].GetProperty("published").GetString());
        Assert.Equal("open", findings["R5-指-5"].GetProperty("state").GetString());
        Assert.Equal("1/6/8/21", Summary(JsonDocument.Parse(earlier.Out).RootElement.GetProperty("audits")[0]));
    }

    [Fact]
    public async Task Export_writes_only_the_document_to_stdout()
    {
        using var dir = new TempDir();
        var db = dir.File("k.db");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db);

        var run = await CliRun.RunAsync("export", "--db", db, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
        JsonDocument.Parse(run.Out);
    }

    [Fact]
    public async Task Export_to_a_file_with_o()
    {
        using var dir = new TempDir();
        var db = dir.File("k.db");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db);

        var run = await CliRun.RunAsync("export", "--db", db, "--format", "csv", "-o", dir.File("out.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(dir.File("out.csv")))[..3]);
    }

    [Fact]
    public async Task Check_exits_zero_on_a_clean_file_and_writes_nothing()
    {
        using var dir = new TempDir();
        var db = dir.File("never.db");

        var run = await CliRun.RunAsync("check", TestPaths.DemoSamples[0], "--db", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("問題はありません", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Check_reports_file_and_line_and_exits_non_zero()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.txt", ReportText.Document([ReportText.Row("R5-指-1", "指摘", "措置済 (R6.13)")], null));

        var run = await CliRun.RunAsync("check", file, "--db", dir.File("k.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:6: 公表年月「R6.13」を読めません", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_audit_and_bad_month_are_refused()
    {
        using var dir = new TempDir();
        var db = dir.File("k.db");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db);

        var audit = await CliRun.RunAsync("export", "--db", db, "--audit", "R9-行政監査");
        var month = await CliRun.RunAsync("export", "--db", db, "--as-of", "2025-13");
        var format = await CliRun.RunAsync("export", "--db", db, "--format", "docx");

        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("R4-包括外部監査", audit.Error, StringComparison.Ordinal);
        Assert.Equal(2, month.ExitCode);
        Assert.Contains("--as-of", month.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, format.ExitCode);
    }

    [Fact]
    public async Task Export_of_a_missing_database_says_so()
    {
        using var dir = new TempDir();

        var run = await CliRun.RunAsync("export", "--db", dir.File("none.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("データベースがありません", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Theory]
    [InlineData("import")]
    [InlineData("check")]
    [InlineData("export")]
    [InlineData("serve")]
    [InlineData("demo")]
    [InlineData("db")]
    public async Task Every_command_has_help_with_db(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--db", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_brings_an_empty_database_up_to_date()
    {
        using var dir = new TempDir();

        var first = await CliRun.RunAsync("db", "migrate", "--db", dir.File("k.db"));
        var second = await CliRun.RunAsync("db", "migrate", "--db", dir.File("k.db"));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("適用しました", first.Out, StringComparison.Ordinal);
        Assert.Contains("最新です", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_loads_every_sample_into_a_fresh_database()
    {
        using var dir = new TempDir();
        var db = dir.File("demo.db");

        var first = await CliRun.RunAsync("demo", "--db", db, "--no-serve");
        var second = await CliRun.RunAsync("demo", "--db", db, "--no-serve");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("監査 3 件 (新規 3)", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_creates_the_folder_of_its_database()
    {
        // A fresh clone has no data/ folder (it is git-ignored): ./kansa demo crashed there.
        using var dir = new TempDir();
        var db = Path.Combine(dir.File("data"), "demo.db");

        var run = await CliRun.RunAsync("demo", "--db", db, "--no-serve");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(db));
    }

    private static string Summary(JsonElement audit)
    {
        var counts = audit.GetProperty("summary").EnumerateArray()
            .ToDictionary(s => s.GetProperty("category").GetString() + s.GetProperty("state").GetString(), s => s.GetProperty("count").GetInt32());
        return $"{counts["指摘done"]}/{counts["指摘open"]}/{counts["意見done"]}/{counts["意見open"]}";
    }
}
