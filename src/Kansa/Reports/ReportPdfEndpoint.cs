using Kansa.Calendar;
using Kansa.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Reports;

/// <summary>/audits/{key}/report.pdf: the official report printed by Chromium, public like the audit page.</summary>
public static class ReportPdfEndpoint
{
    /// <summary>
    /// Maps the route. Its literal last segment outranks the downloads' <c>report.{ext}</c> route, so the other
    /// formats keep their own endpoint.
    /// </summary>
    public static WebApplication MapKansaReportPdf(this WebApplication app)
    {
        app.MapGet("/audits/{key}/report.pdf", PdfAsync).AllowAnonymous();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string key, string? asOf, LoadOfficialReport load, ReportHtml html, ChromiumPdf printer, ReportCache cache, CancellationToken ct)
    {
        YearMonth? month = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!YearMonth.TryParse(asOf, out var m, out var error))
            {
                return TypedResults.Problem(detail: $"時点: {error}", statusCode: 400, title: "時点を読めません");
            }

            month = m;
        }

        PdfPrint? failed = null;
        var found = true;
        var file = await cache.GetAsync($"{key}|pdf|{month}", async () =>
        {
            var reports = await load.RunAsync(month, key, ct);
            if (reports is null)
            {
                found = false;
                return null;
            }

            var print = await printer.PrintAsync(await html.DocumentAsync(reports, ct), ct);
            if (print.Pdf is null)
            {
                failed = print;
                return null;
            }

            return new ReportCache.File(print.Pdf, $"kansa-{key}-{reports.AsOf}.pdf");
        }, ct);

        if (file is not null)
        {
            return TypedResults.File(file.Content, "application/pdf", file.Name);
        }

        if (!found)
        {
            return TypedResults.Problem(detail: $"監査「{key}」は登録されていません。", statusCode: 404, title: "監査が見つかりません");
        }

        // The server's set-up lacks Chromium, or the print failed: the service is unavailable, the request was fine.
        return TypedResults.Problem(detail: failed?.Problem, statusCode: 503, title: "PDF を作れませんでした");
    }
}
