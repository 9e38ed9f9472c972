using System.CommandLine;
using System.Globalization;
using Kansa.OpenData;

namespace Kansa.Cli;

/// <summary>
/// Runs a command so that an unexpected failure (a bug in Kansa, or an outage such as a full disk: never bad input,
/// which every command reports itself with exit code 1) ends with its own exit code and one Japanese line that says
/// where the details went, instead of a stack trace that reads like a problem in the user's file.
/// </summary>
internal static class InternalError
{
    /// <summary>The exit code of an unexpected failure: EX_SOFTWARE of sysexits.h.</summary>
    public const int ExitCode = 70;

    /// <summary>Set to 1 to also print the details (the stack trace) on standard error.</summary>
    public const string TraceVariable = "KANSA_TRACE";

    /// <summary>Invokes the parsed command line, turning an unexpected exception into <see cref="ExitCode"/>.</summary>
    public static async Task<int> InvokeAsync(ParseResult parse, CliConsole console, CancellationToken ct)
    {
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: what System.CommandLine's own handler answered, silently.
            return KansaCli.Problems;
        }
#pragma warning disable CA1031 // The last resort for every command: whatever escaped is a bug or an outage, reported as such.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Report(e, console, Environment.GetEnvironmentVariable(TraceVariable) == "1");
            return ExitCode;
        }
    }

    /// <summary>Writes the details to a log file (and to standard error when asked) and the one-line message.</summary>
    internal static void Report(Exception e, CliConsole console, bool trace)
    {
        var details = $"{TimeProvider.System.GetUtcNow():O} kansa {Environment.Version}{Environment.NewLine}{e}{Environment.NewLine}";
        string where;
        try
        {
            var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var path = Path.Combine(Path.GetTempPath(), $"kansa-error-{stamp}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log");
            File.WriteAllText(path, details);
            where = $"詳細 (スタックトレース) は {path} に書きました";
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            // The log could not be written (the disk may be the outage itself): the details go to standard error.
            where = "詳細はログに書けなかったため下に示します";
            trace = true;
        }

        if (trace)
        {
            console.Error.Write(details);
        }

        console.Error.WriteLine($"kansa: 内部エラーで中断しました ({e.GetType().Name})。入力の誤りではなく、Kansa の不具合か環境の障害 (ディスク・ネットワークなど) です。{where}。不具合の報告にはこのファイルを添えてください (環境変数 {TraceVariable}=1 で標準エラーにも表示します)。");
    }
}
