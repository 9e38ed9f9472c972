using System.CommandLine;
using System.Text.RegularExpressions;
using Kansa.Cli;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Cli;

/// <summary>
/// An unexpected failure (a bug or an outage, never bad input) ends every command with exit code 70 and one Japanese
/// line naming the log file that holds the stack trace: not exit code 1, which means a problem in the user's input.
/// </summary>
public partial class InternalErrorTests
{
    [SkippableFact]
    public async Task A_disk_that_fails_while_exporting_exits_70_with_a_Japanese_line_and_the_trace_in_a_log()
    {
        // /dev/full accepts the file but fails every write with ENOSPC: a real outage, not a mistake in the command.
        Skip.IfNot(File.Exists("/dev/full"), "/dev/full is a Linux device");
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var dir = new TempDir();
        Assert.Equal(0, (await CliRun.RunAsync("import", dir.Write("r.txt", ReportText.Valid()), "--db", db.DbArgument)).ExitCode);

        var run = await CliRun.RunAsync("export", "--format", "json", "-o", "/dev/full", "--db", db.DbArgument);

        Assert.Equal(KansaCli.Internal, run.ExitCode);
        AssertReported(run.Error, "IOException");
    }

    [Fact]
    public async Task A_bug_in_any_command_exits_70_not_1()
    {
        // The seam: a command that fails the way a bug does, run through the same handler as every kansa command.
        var command = new RootCommand { new Command("bug") };
        command.Subcommands[0].SetAction(int (ParseResult _) => throw new InvalidOperationException("a bug"));
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => Stream.Null, new StringReader(""));

        var code = await InternalError.InvokeAsync(command.Parse(["bug"]), console, CancellationToken.None);

        Assert.Equal(70, code);
        AssertReported(error.ToString(), "InvalidOperationException: a bug");
    }

    private static void AssertReported(string error, string exceptionType)
    {
        var log = LogPath(error);
        try
        {
            // One line, the last: what the command wrote before it failed may precede it, a stack trace may not.
            Assert.StartsWith($"kansa: 内部エラーで中断しました ({exceptionType.Split(':')[0]})。入力の誤りではなく", error.Trim().Split('\n')[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Contains($"System.{(exceptionType == "IOException" ? "IO." : "")}{exceptionType}", File.ReadAllText(log), StringComparison.Ordinal);
            Assert.Contains("   at ", File.ReadAllText(log), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static string LogPath(string error)
    {
        var m = LogFile().Match(error);
        Assert.True(m.Success, error);
        return m.Groups[1].Value;
    }

    [GeneratedRegex(@"詳細 \(スタックトレース\) は (\S+\.log) に書きました")]
    private static partial Regex LogFile();
}
