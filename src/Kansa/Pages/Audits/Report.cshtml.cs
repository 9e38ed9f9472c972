using Kansa.Calendar;
using Kansa.Reports;
using Kansa.Responses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>
/// The official report (公表資料) of one audit as a web page, from the template the PDF is printed from; public like the
/// audit page, with published data only.
/// </summary>
public sealed class ReportModel(LoadOfficialReport load, ReportHtml html) : PageModel
{
    /// <summary>YYYY-MM (or 令和7年8月, R7.8), or empty for the latest document.</summary>
    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    /// <summary>The audit's report.</summary>
    public OfficialReport Report { get; private set; } = null!;

    /// <summary>The rendered template: markup the template encoded itself, so the page writes it as is.</summary>
    public string Body { get; private set; } = "";

    /// <summary>A message about a month that could not be read.</summary>
    public string? AsOfError { get; private set; }

    /// <summary>Loads and renders the report.</summary>
    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        YearMonth? month = null;
        if (!string.IsNullOrEmpty(AsOf))
        {
            if (YearMonth.TryParse(AsOf, out var m, out var error))
            {
                month = m;
            }
            else
            {
                // As on the audit page: the latest report is shown with the reason, and the status says the request was refused.
                AsOfError = $"時点: {error}";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        var reports = await load.RunAsync(month, key, ct);
        if (reports is null)
        {
            return NotFound();
        }

        Report = reports.Audits[0];
        Body = await html.RenderAsync(reports);
        return Page();
    }

    /// <summary>A link to a sibling of this page (the audit page, the PDF), keeping the chosen month.</summary>
    public string Link(string suffix) =>
        $"/audits/{Uri.EscapeDataString(Report.Audit.Key)}{suffix}" + (ChosenMonth is null ? "" : $"?asOf={ChosenMonth}");

    private string? ChosenMonth => string.IsNullOrEmpty(AsOf) || AsOfError is not null ? null : Report.Audit.AsOf.ToString();
}
