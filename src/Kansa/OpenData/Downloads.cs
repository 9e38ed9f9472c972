using Kansa.Calendar;
using Kansa.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.OpenData;

/// <summary>Open-data downloads: every report format, for one audit or all, as of any month.</summary>
public static class Downloads
{
    /// <summary>Maps /audits/{key}/report.{json|csv|txt|xlsx} and /open-data/kansa.{json|csv|txt|xlsx}.</summary>
    public static WebApplication MapKansaDownloads(this WebApplication app)
    {
        app.MapGet("/audits/{key}/report.{ext}", (string key, string ext, string? asOf, LoadReportSnapshot load, ReportCache cache, PublicSite site, CancellationToken ct) =>
            DownloadAsync(key, ext, asOf, load, cache, site, ct)).AllowAnonymous();
        app.MapGet("/open-data/kansa.{ext}", (string ext, string? asOf, LoadReportSnapshot load, ReportCache cache, PublicSite site, CancellationToken ct) =>
            DownloadAsync(null, ext, asOf, load, cache, site, ct)).AllowAnonymous();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string? key, string ext, string? asOf, LoadReportSnapshot load, ReportCache cache, PublicSite site, CancellationToken ct)
    {
        // The JSON carries the city's licence (Kansa:OpenData:License).
        var writer = ReportWriters.With(site.License).FirstOrDefault(w => w.Extension == "." + ext);
        if (writer is null)
        {
            return Problem(404, "形式が違います", $"「{ext}」の形式はありません (json、csv、txt、xlsx)。");
        }

        YearMonth? month = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!YearMonth.TryParse(asOf, out var m, out var error))
            {
                return Problem(400, "時点を読めません", $"時点: {error}");
            }

            month = m;
        }

        var file = await cache.GetAsync($"{key}|{writer.Format}|{month}", async () =>
        {
            var snapshot = await load.RunAsync(month, key, ct);
            if (snapshot is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await writer.WriteAsync(snapshot, buffer, ct);
            return new ReportCache.File(buffer.ToArray(), $"kansa-{key ?? "all"}-{snapshot.AsOf}{writer.Extension}");
        }, ct);
        return file is null
            ? Problem(404, "監査が見つかりません", $"監査「{key}」は登録されていません。")
            : TypedResults.File(file.Content, writer.ContentType, file.Name);
    }

    // TypedResults.Problem writes application/problem+json (RFC 9457); NotFound(ProblemDetails) would say application/json.
    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
