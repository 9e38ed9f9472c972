using System.Diagnostics;
using System.Text;
using Kansa.OpenData;
using Microsoft.Extensions.Options;

namespace Kansa.Reports;

/// <summary>The result of a print: the PDF, or what went wrong in Japanese (and whether Chromium is missing altogether).</summary>
/// <param name="Pdf">The PDF's bytes.</param>
/// <param name="Problem">Why there is no PDF.</param>
/// <param name="ChromiumMissing">Whether the reason is that no Chromium was found (the set-up is incomplete).</param>
public sealed record PdfPrint(byte[]? Pdf, string? Problem, bool ChromiumMissing = false);

/// <summary>
/// Prints HTML to PDF with Debian's headless Chromium, started for each print: the HTML is written to a private
/// temporary folder and printed from there by <c>--print-to-pdf</c> (no server, no network, no browser download).
/// Page size, margins, repeated headers and page numbers come from the document's own CSS (<c>@page</c>).
/// </summary>
public sealed partial class ChromiumPdf(IOptions<PdfSettings> options, ILogger<ChromiumPdf> log) : IDisposable
{
    private readonly PdfSettings settings = options.Value;
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrent));

    /// <summary>The message when no Chromium is found.</summary>
    public static string MissingMessage(string configured) =>
        $"PDF を作るには chromium が必要です (設定 {PdfSettings.Section}:Chromium の「{configured}」が見つかりません)。" +
        "apt-get install chromium fonts-ipaexfont でインストールするか、設定で chromium の場所を指定してください。";

    /// <summary>Finds the Chromium program: the configured path, or the name on PATH; null when there is none.</summary>
    public static string? Locate(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (configured.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, configured))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Prints a whole HTML document (its CSS inlined) to PDF.</summary>
    public async Task<PdfPrint> PrintAsync(string html, CancellationToken ct)
    {
        var chromium = Locate(settings.Chromium);
        if (chromium is null)
        {
            return new PdfPrint(null, MissingMessage(settings.Chromium), ChromiumMissing: true);
        }

        await slots.WaitAsync(ct);
        var dir = Directory.CreateTempSubdirectory("kansa-pdf-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, new UTF8Encoding(false), ct);
            return await RunAsync(chromium, dir.FullName, page, pdf, ct);
        }
        finally
        {
            slots.Release();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException e)
            {
                // A leftover temp folder is harmless; the print's result stands.
                CouldNotRemove(e, dir.FullName);
            }
        }
    }

    private async Task<PdfPrint> RunAsync(string chromium, string dir, string page, string pdf, CancellationToken ct)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        foreach (var arg in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            // Not --blink-settings=scriptEnabled=false: with it Chromium exits 0 without writing the PDF. The document's
            // own Content-Security-Policy keeps scripts and the network out instead.
            "--disable-breakpad",
            // Its own profile: prints running side by side would otherwise fight over one.
            "--user-data-dir=" + Path.Combine(dir, "profile"),
            "--print-to-pdf=" + pdf,
            new Uri(page).AbsoluteUri,
        ])
        {
            info.ArgumentList.Add(arg);
        }

        // Chromium keeps its caches and crash data under HOME; the temp folder keeps them out of the user's.
        info.Environment["HOME"] = dir;
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PdfPrint(null, $"chromium ({chromium}) を起動できませんでした: {e.Message}。apt-get install chromium fonts-ipaexfont で入れ直してください。", ChromiumMissing: true);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            return new PdfPrint(null, $"chromium が {settings.TimeoutSeconds} 秒以内に PDF を書き終えませんでした (設定 {PdfSettings.Section}:TimeoutSeconds)。");
        }

        // Chromium may exit 0 without a PDF: only the file says the print worked.
        if (process.ExitCode == 0 && File.Exists(pdf) && new FileInfo(pdf).Length > 0)
        {
            return new PdfPrint(await File.ReadAllBytesAsync(pdf, ct), null);
        }

        string detail;
        lock (errors)
        {
            detail = errors.ToString();
        }

        PrintFailed(process.ExitCode, detail);
        var last = detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return new PdfPrint(null, $"chromium ({chromium}) が PDF を作れませんでした (終了コード {process.ExitCode}){(last.Length > 0 ? ": " + last : "")}");
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the print folder {Dir}")]
    private partial void CouldNotRemove(Exception e, string dir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chromium failed with exit code {Code}: {Errors}")]
    private partial void PrintFailed(int code, string errors);
}
