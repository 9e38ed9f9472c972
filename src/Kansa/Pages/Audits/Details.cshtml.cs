using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Status;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>
/// One audit: theme, summary table and its findings, filterable, as of a chosen month. The findings are paged
/// (<see cref="AuditPageFilter.PageSize"/> a page) and filtered by the database, so the page costs the same for any audit;
/// the downloads and the printed report hold every finding.
/// </summary>
public sealed class DetailsModel(LoadAuditPage pages, LoadReportSnapshot snapshots) : PageModel
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

        /// <summary>Empty to collapse the unpublished findings into one line per category; <see cref="ListUnpublished"/> to list them.</summary>
        public string? Unpublished { get; set; }

        /// <summary>The page of the table, from 1.</summary>
        public int? Page { get; set; }
    }

    /// <summary>The filters.</summary>
    [BindProperty(SupportsGet = true)]
    public Filter Query { get; set; } = new();

    /// <summary>The audit as of the chosen month.</summary>
    public AuditSnapshot Audit { get; private set; } = null!;

    /// <summary>The page of findings, with the counts and choices of the form.</summary>
    public AuditPage Result { get; private set; } = null!;

    /// <summary>The value of <see cref="Filter.Unpublished"/> that lists unpublished findings among the others.</summary>
    public const string ListUnpublished = "list";

    /// <summary>The findings shown in the main table on this page.</summary>
    public IReadOnlyList<FindingAsOf> Listed => Result.Listed;

    /// <summary>The unpublished findings by category, each shown as one line (empty when they are listed).</summary>
    public IReadOnlyList<CollapsedGroup> Collapsed => Result.Collapsed;

    /// <summary>Whether the unpublished findings are listed among the others.</summary>
    public bool ListsUnpublished => Query.Unpublished == ListUnpublished;

    /// <summary>Progress of 指摘 and 意見 apart, in the words of the summary table.</summary>
    public IReadOnlyList<CategoryProgress> Progress { get; private set; } = [];

    /// <summary>The months that can be chosen.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>The departments that can be chosen.</summary>
    public IReadOnlyList<string> Departments => Result.Departments;

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

        var filter = new AuditPageFilter(
            FindingCategories.Parse(Query.Category), StatusStates.FromCode(Query.State), Query.Department, ListsUnpublished, Query.Page ?? 1);
        var result = await pages.RunAsync(key, asOf, filter, ct);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        Audit = result.Audit;
        // A month between publications can be asked for too; it stays in the list so that the form shows it.
        var months = await snapshots.MonthsAsync(key, ct);
        Months = ChosenMonth is { } chosen && !months.Contains(chosen) ? [.. months.Append(chosen).OrderDescending()] : months;
        Progress = CategoryProgress.FromSummary(Audit.Summary);
        return Page();
    }

    /// <summary>The link of another page of the table, keeping every filter (and the unpublished ones' choice unless given).</summary>
    public string PageLink(int page, string? unpublished = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(name, value));
            }
        }

        Add("Query.AsOf", FilterError is null ? Query.AsOf : null);
        Add("Query.Category", Query.Category);
        Add("Query.State", Query.State);
        Add("Query.Department", Query.Department);
        Add("Query.Unpublished", unpublished ?? Query.Unpublished);
        Add("Query.Page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return $"/audits/{Uri.EscapeDataString(Audit.Key)}" + Microsoft.AspNetCore.Http.QueryString.Create(query).Value;
    }

    /// <summary>
    /// A state as the badges say it: the audit's word for each category (措置済 / 対応済), then any other word its
    /// findings use for that state (検討中), so that the filter offers what the table shows.
    /// </summary>
    public string StateLabel(StatusState state)
    {
        var categories = FindingCategories.All.Where(c => Audit.Summary.Any(r => r.Category == c)).DefaultIfEmpty(FindingCategory.Finding);
        var words = categories
            .Select(c => Audit.Summary.FirstOrDefault(r => r.Category == c && r.State == state)?.Status
                         ?? StatusVocabulary.Default.CanonicalWord(c, state, Audit.Kind))
            .Concat(Result.Counts.Where(c => c.State == state).Select(c => c.Word))
            .Distinct(StringComparer.Ordinal);
        return string.Join(" / ", words);
    }

    /// <summary>The link of a download, keeping the chosen month.</summary>
    public string DownloadLink(string extension) =>
        $"/audits/{Uri.EscapeDataString(Audit.Key)}/report{extension}" + (string.IsNullOrEmpty(Query.AsOf) || FilterError is not null ? "" : $"?asOf={Audit.AsOf}");
}
