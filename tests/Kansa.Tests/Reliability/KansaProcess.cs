using System.Diagnostics;
using System.Text;

namespace Kansa.Tests.Reliability;

/// <summary>
/// The real <c>kansa</c> program in its own process (<c>dotnet kansa.dll …</c>, the build the tests reference), so
/// that it can be killed with SIGKILL as a power cut or the OOM killer would.
/// </summary>
public sealed class KansaProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private KansaProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>What the program wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Its exit code, once ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Its process id, to send it signals.</summary>
    public int Id => process.Id;

    /// <summary>Waits until it has ended.</summary>
    public Task WaitForExitAsync(CancellationToken ct) => process.WaitForExitAsync(ct);

    /// <summary>Starts <c>kansa</c> with the arguments, in the test's environment.</summary>
    public static KansaProcess Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts <c>kansa</c> with the arguments, in the test's environment changed as given (null removes a variable).</summary>
    public static KansaProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kansa.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Quiet logs: the harness reads only problems.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var started = new KansaProcess(Process.Start(info)!);
        started.process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Kills it with SIGKILL (no chance to clean up) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended by itself between the check and the kill: nothing to kill.
            }
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the end, at most the given time; false when it is still running.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
