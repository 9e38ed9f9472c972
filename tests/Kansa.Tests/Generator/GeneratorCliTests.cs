using Kansa.Generator;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Generator;

/// <summary><c>kansa dev generate</c> as a user runs it: the same bytes for the same arguments, Japanese usage errors.</summary>
public class GeneratorCliTests
{
    [Fact]
    public async Task Tiny_generation_matches_the_golden_file()
    {
        using var dir = new TempDir();

        var files = await GeneratedFiles.GenerateAsync(dir, "out", "--findings", "12", "--seed", "1");

        Golden.AssertMatches("generator-12-seed1.txt", GeneratedFiles.Concatenate(files));
    }

    [Fact]
    public async Task Same_arguments_give_the_same_bytes_and_another_seed_other_bytes()
    {
        using var dir = new TempDir();
        string[] args = ["--findings", "400", "--audits", "5", "--rounds", "4"];

        var first = await GeneratedFiles.GenerateAsync(dir, "a", [.. args, "--seed", "7"]);
        var again = await GeneratedFiles.GenerateAsync(dir, "b", [.. args, "--seed", "7"]);
        var other = await GeneratedFiles.GenerateAsync(dir, "c", [.. args, "--seed", "8"]);

        Assert.Equal(first.Select(Path.GetFileName), again.Select(Path.GetFileName));
        Assert.Equal(GeneratedFiles.Concatenate(first), GeneratedFiles.Concatenate(again));
        Assert.NotEqual(GeneratedFiles.Concatenate(first), GeneratedFiles.Concatenate(other));
    }

    [Fact]
    public void Files_are_named_in_the_order_of_history_and_split_by_size()
    {
        using var dir = new TempDir();
        const int part = 64 * 1024;

        var result = new GenerateStatusReports(new GeneratorOptions(3000, 60, 2, 1), part).Run(dir.File("out"), null, CancellationToken.None);

        var files = result.Value!.Files;
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.Equal(result.Value.Bytes, files.Sum(f => new FileInfo(f).Length));
        var names = files.Select(Path.GetFileName).ToList();
        Assert.All(names, n => Assert.Matches(@"^\d{4}-\d{2}_\d{4}\.txt$", n));
        // A month's reports go to another part once a part passes the size, but one audit's report is never split.
        Assert.Contains(names, n => n!.EndsWith("_0002.txt", StringComparison.Ordinal));
        var largest = files.Max(f => new FileInfo(f).Length);
        Assert.True(largest < part + 64 * 1024, $"largest file {largest} bytes");
        // Each file's name starts with the month its reports are as of, so the name order is the order of history.
        foreach (var file in files)
        {
            var title = File.ReadLines(file).First(l => l.Length > 0);
            var asOf = Kansa.Calendar.YearMonth.Parse(title[(title.LastIndexOf('(') + 1)..title.LastIndexOf("現在", StringComparison.Ordinal)]);
            Assert.StartsWith(asOf + "_", Path.GetFileName(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dev_lists_its_subcommands()
    {
        var run = await CliRun.RunAsync("dev");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("generate", run.Out, StringComparison.Ordinal);
        Assert.Contains("対応状況", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--findings (作る指摘・意見の件数) を指定してください", "--seed", "1")]
    [InlineData("--findings「abc」は 1 以上", "--findings", "abc")]
    [InlineData("--findings「0」は 1 以上", "--findings", "0")]
    [InlineData("--findings「-5」は 1 以上", "--findings", "-5")]
    [InlineData("--findings「10000001」は 1 以上 10,000,000 以下", "--findings", "10000001")]
    [InlineData("--audits「11」は 1 以上 10 以下", "--findings", "10", "--audits", "11")]
    [InlineData("--audits 1 では1つの監査の指摘・意見が 19,998 件", "--findings", "20000", "--audits", "1")]
    [InlineData("--rounds「13」は 1 以上 12 以下", "--findings", "10", "--rounds", "13")]
    [InlineData("--rounds「0」", "--findings", "10", "--rounds", "0")]
    [InlineData("--seed「x」は整数ではありません", "--findings", "10", "--seed", "x")]
    [InlineData("--seed の値がありません", "--findings", "10", "--seed")]
    [InlineData("「extra」は generate の引数ではありません", "--findings", "10", "extra")]
    public async Task Bad_arguments_exit_2_with_a_japanese_message_and_write_nothing(string message, params string[] args)
    {
        using var dir = new TempDir();
        var output = dir.File("out");

        var run = await CliRun.RunAsync(["dev", "generate", .. args, "-o", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("使い方: ./kansa dev generate", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Missing_output_folder_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("dev", "generate", "--findings", "10");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("-o (出力先のフォルダ) を指定してください", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_kept_as_it_was()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("out"));
        var old = dir.Write("out/old.txt", "前の生成");

        var run = await CliRun.RunAsync("dev", "generate", "--findings", "10", "-o", dir.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("は空ではありません", run.Error, StringComparison.Ordinal);
        Assert.Equal([old], Directory.GetFiles(dir.File("out")));
    }
}
