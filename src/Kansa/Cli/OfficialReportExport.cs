using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary>
/// <c>kansa export --format pdf|html</c>: the official report from the same template as the web page, as the
/// standalone HTML document (stylesheet inlined, opens from disk) or printed from it by Chromium. Without <c>-o</c>
/// the bytes go to standard output, like every format, but a PDF never to a terminal.
/// </summary>
internal static class OfficialReportExport
{
    /// <summary>The PDF format's name on the command line.</summary>
    public const string Pdf = "pdf";

    /// <summary>The HTML format's name on the command line.</summary>
    public const string Html = "html";

    /// <summary>Both formats.</summary>
    public static readonly string[] Formats = [Pdf, Html];

    public static async Task<int> RunAsync(DatabaseTarget target, KansaDbContext context, string format, YearMonth? month, string? key, string? path, CliConsole console, CancellationToken ct)
    {
        if (format == Pdf && path is null && ReferenceEquals(console, CliConsole.System) && !Console.IsOutputRedirected)
        {
            console.Error.WriteLine("--output: PDF は端末には表示できません。-o FILE.pdf で保存先を指定するか、> FILE.pdf にリダイレクトしてください");
            return KansaCli.Usage;
        }

        await using var scope = new CliScope(CliServices.Build(target, s => s.AddKansaReports(CliServices.Configuration())));
        var reports = await scope.Get<LoadOfficialReport>().RunAsync(month, key, ct);
        if (reports is null)
        {
            var keys = await context.Audits.Select(a => a.Key).ToListAsync(ct);
            console.Error.WriteLine($"--audit: 監査「{key}」は登録されていません (登録済み: {(keys.Count == 0 ? "なし" : string.Join("、", keys))})");
            return KansaCli.Problems;
        }

        var html = await scope.Get<ReportHtml>().DocumentAsync(reports, ct);
        byte[] bytes;
        if (format == Html)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(html);
        }
        else
        {
            var print = await scope.Get<ChromiumPdf>().PrintAsync(html, ct);
            if (print.Pdf is null)
            {
                console.Error.WriteLine(print.Problem);
                return KansaCli.Problems;
            }

            bytes = print.Pdf;
        }

        await scope.Get<ChangeLogWriter>().RecordAsync(
            "export", "Report", key ?? "*", new { format, asOf = reports.AsOf.ToString(), output = path ?? "stdout" }, ct);
        if (path is not null)
        {
            await File.WriteAllBytesAsync(path, bytes, ct);
            console.Error.WriteLine($"{path} に書き出しました ({reports.Audits.Count} 件の監査)。");
        }
        else
        {
            await using var stdout = console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, ct);
        }

        return 0;
    }
}
