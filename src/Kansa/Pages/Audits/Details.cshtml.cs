using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Reports;
using Kansa.Responses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>One audit: theme, summary table and its findings, filterable, as of a chosen month.</summary>
public sealed class DetailsModel(LoadReportSnapshot snapshots) : PageModel
{
    /// <summary>The filters, read from the query string so that every view has its own link.</summary>
    public sealed class Filter
    {
        /// <summary>YYYY-MM, or empty for the latest.</summary>
        public string? AsOf { get; set; }

        /// <summary>指摘 or 意見.</summary>
        public string? Category { get; set; }

        /// <summary>A state code.</summary>
        public string? State { get; set; }

        /// <summary>A department name.</summary>
        public string? Department { get; set; }
    }

    /// <summary>The filters.</summary>
    [BindProperty(SupportsGet = true)]
    public Filter Query { get; set; } = new();

    /// <summary>The audit as of the chosen month.</summary>
    public AuditSnapshot Audit { get; private set; } = null!;

    /// <summary>The findings that pass the filters.</summary>
    public IReadOnlyList<FindingSnapshot> Findings { get; private set; } = [];

    /// <summary>The months that can be chosen.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>The departments that can be chosen.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>The month chosen in the form, however it was written (2024-06, R6.6, 令和6年6月); null for the latest.</summary>
    public YearMonth? ChosenMonth { get; private set; }

    /// <summary>A message about a filter that could not be read.</summary>
    public string? FilterError { get; private set; }

    /// <summary>Loads the audit.</summary>
    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        YearMonth? asOf = null;
        if (!string.IsNullOrEmpty(Query.AsOf))
        {
            if (YearMonth.TryParse(Query.AsOf, out var month, out var error))
            {
                asOf = month;
                ChosenMonth = month;
            }
            else
            {
                // The page still shows the latest state, with the reason beside the form; the status says the request was refused.
                FilterError = $"時点: {error}";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        var snapshot = await snapshots.RunAsync(asOf, key, ct);
        if (snapshot is null)
        {
            return NotFound();
        }

        Audit = snapshot.Audits[0];
        // A month between publications can be asked for too; it stays in the list so that the form shows it.
        var months = await snapshots.MonthsAsync(key, ct);
        Months = ChosenMonth is { } chosen && !months.Contains(chosen) ? [.. months.Append(chosen).OrderDescending()] : months;
        Departments = [.. Audit.Findings.SelectMany(f => f.Departments).Distinct().Order(StringComparer.Ordinal)];
        var category = FindingCategories.Parse(Query.Category);
        var state = StatusStates.FromCode(Query.State);
        Findings = [.. Audit.Findings.Where(f =>
            (category is null || f.Category == category)
            && (state is null || f.State == state)
            && (string.IsNullOrEmpty(Query.Department) || f.Departments.Contains(Query.Department)))];
        return Page();
    }

    /// <summary>The link of a download, keeping the chosen month.</summary>
    public string DownloadLink(string extension) =>
        $"/audits/{Uri.EscapeDataString(Audit.Key)}/report{extension}" + (string.IsNullOrEmpty(Query.AsOf) || FilterError is not null ? "" : $"?asOf={Audit.AsOf}");
}
