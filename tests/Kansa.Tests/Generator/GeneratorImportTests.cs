using System.Text.Json;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Generator;

/// <summary>Generated reports go through the real parser and importer: every file checks clean, and an import holds exactly N findings.</summary>
public class GeneratorImportTests
{
    [Fact]
    public async Task Every_generated_file_passes_check_on_its_own()
    {
        using var dir = new TempDir();
        var files = await GeneratedFiles.GenerateAsync(dir, "out", "--findings", "300", "--audits", "6", "--rounds", "3", "--seed", "11");

        Assert.True(files.Length >= 3);
        foreach (var file in files)
        {
            var run = await CliRun.RunAsync("check", file, "--db", dir.File("never.db"));
            Assert.True(run.ExitCode == 0, $"{Path.GetFileName(file)}: {run.Error}");
        }

        Assert.False(File.Exists(dir.File("never.db")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_folder_gives_exactly_n_findings_and_the_last_summaries(string engine)
    {
        using var dir = new TempDir();
        var files = await GeneratedFiles.GenerateAsync(dir, "out", "--findings", "257", "--audits", "4", "--rounds", "3", "--seed", "3");
        await using var db = await TestDatabase.CreateAsync(engine);

        var import = await CliRun.RunAsync(["import", .. files, "--db", db.DbArgument]);
        var again = await CliRun.RunAsync(["import", .. files, "--db", db.DbArgument]);
        var export = await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "json");

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("指摘・意見 257 件 (新規 257", import.Out, StringComparison.Ordinal);
        Assert.Contains("状況の記録 0 件を追加", again.Out, StringComparison.Ordinal);
        var audits = JsonDocument.Parse(export.Out).RootElement.GetProperty("audits").EnumerateArray().ToList();
        Assert.Equal(4, audits.Count);
        Assert.Equal(257, audits.Sum(a => a.GetProperty("findings").GetArrayLength()));
        var printed = GeneratedFiles.LastSummaries(files);
        foreach (var audit in audits)
        {
            var findings = audit.GetProperty("findings").EnumerateArray().ToList();
            var summary = audit.GetProperty("summary").EnumerateArray()
                .GroupBy(s => (Category: s.GetProperty("category").GetString(), Done: s.GetProperty("state").GetString() == "done"))
                .ToDictionary(g => g.Key, g => g.Sum(s => s.GetProperty("count").GetInt32()));
            int Count(string category, bool done) => findings.Count(f =>
                f.GetProperty("category").GetString() == category && (f.GetProperty("state").GetString() == "done") == done);

            // The database's summary agrees with its findings, and with the summary table of the audit's latest round.
            var expected = printed[audit.GetProperty("theme").GetString()!];
            Assert.Equal(expected, new[]
            {
                summary.GetValueOrDefault(("指摘", true)), summary.GetValueOrDefault(("指摘", false)),
                summary.GetValueOrDefault(("意見", true)), summary.GetValueOrDefault(("意見", false)),
            });
            Assert.Equal(expected, new[] { Count("指摘", true), Count("指摘", false), Count("意見", true), Count("意見", false) });
        }
    }
}
