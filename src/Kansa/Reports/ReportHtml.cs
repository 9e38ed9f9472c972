using System.Net;
using System.Text;
using Kansa.OpenData;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Kansa.Reports;

/// <summary>
/// Renders the official report's template (<see cref="ReportDocument"/>) to HTML without HTTP, so that the web page,
/// the PDF route and the command line print the very same markup. The HTML encoder comes from the services:
/// <see cref="ReportServices.AddKansaReports"/> lets Japanese through unescaped, as the pages do.
/// </summary>
public sealed class ReportHtml(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>The report's stylesheet, served at /css/report.css and inlined into the printed document.</summary>
    public static string StylesheetPath => Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "report.css");

    /// <summary>The report's markup (one article per audit), for a page to embed.</summary>
    public async Task<string> RenderAsync(OfficialReports reports)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReportDocument.Reports)] = reports });
            var output = await renderer.RenderComponentAsync<ReportDocument>(parameters);
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// A whole HTML document for print: the report with its stylesheet inlined, needing no server and no network
    /// (Chromium prints it from a file).
    /// </summary>
    public async Task<string> DocumentAsync(OfficialReports reports, CancellationToken ct)
    {
        var css = await File.ReadAllTextAsync(StylesheetPath, ct);
        var title = reports.Audits.Count == 1 ? reports.Audits[0].Audit.Title : $"監査結果に対する対応状況 ({reports.AsOf.ToWareki()}{Glossary.AsOf})";
        var body = await RenderAsync(reports);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
            // Printed from a file: no script runs and nothing is fetched, whatever the data holds.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n<style>\n")
            // The stylesheet is our own file, not input: nothing in it can close the style element.
            .Append(css)
            .Append("\n</style>\n</head>\n<body class=\"report-print\">\n")
            .Append(body)
            .Append("\n</body>\n</html>\n")
            .ToString();
    }
}
