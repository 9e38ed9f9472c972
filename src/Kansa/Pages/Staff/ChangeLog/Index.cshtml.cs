using Kansa.Api;
using Kansa.ChangeLog;
using Kansa.OpenData;
using Kansa.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.ChangeLog;

/// <summary>The change log for admins and auditors: filter, page, export CSV (the export itself is logged).</summary>
[Authorize(Policy = AccountServices.ChangeLogReaders)]
public sealed class IndexModel(SearchChangeLog search, ExportChangeLog export, ExplainChangeLines explain) : PageModel
{
    /// <summary>Lines per page.</summary>
    public const int PageSize = 50;

    /// <summary>The filter as typed (query string, so that a filtered page can be linked and bookmarked).</summary>
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    /// <summary>The page asked for (?page=2). Read from the query string itself: "page" is also the route value that
    /// names the Razor page, so neither binding nor the page link helpers can carry it.</summary>
    public int PageNumber =>
        int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>The lines shown.</summary>
    public ChangeLogPage? Result { get; private set; }

    /// <summary>The page's lines in plain Japanese (names, finding numbers, readable before/after).</summary>
    public IReadOnlyList<ChangeLineView> Lines { get; private set; } = [];

    /// <summary>Actions present in the log: stored value and Japanese label.</summary>
    public IReadOnlyList<(string Value, string Label)> Actions { get; private set; } = [];

    /// <summary>Entity types present in the log: stored value and Japanese label.</summary>
    public IReadOnlyList<(string Value, string Label)> EntityTypes { get; private set; } = [];

    /// <summary>Shows a page of lines.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var (actions, types) = await search.ChoicesAsync(ct);
        (Actions, EntityTypes) = (ChangeLogWording.Choices(actions, entities: false), ChangeLogWording.Choices(types, entities: true));
        if (ToFilter() is { } filter)
        {
            var found = await search.RunAsync(filter, PageNumber, PageSize, ct);
            Result = found.Value;
            Lines = Result is null ? [] : await explain.RunAsync(Result.Lines, ct);
            ModelState.AddProblems(found.Problems, "Filter");
        }
    }

    /// <summary>The filtered lines as CSV (UTF-8 with BOM).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (ToFilter() is not { } filter)
        {
            await OnGetAsync(ct);
            return Page();
        }

        var (csv, _) = await export.RunAsync(filter, ct);
        return File(csv, "text/csv; charset=utf-8", "kansa-change-log.csv");
    }

    /// <summary>The link to another page of the same filter: /staff/change-log?Filter.Action=login&amp;page=2.</summary>
    public string PageLink(int page) => "/staff/change-log" + Microsoft.AspNetCore.Http.QueryString.Create(RouteValues(page).Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)));

    /// <summary>The query string of the current filter, for paging and export links.</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("Filter.Actor", Filter.Actor);
        Add("Filter.Action", Filter.Action);
        Add("Filter.EntityType", Filter.EntityType);
        Add("Filter.From", Filter.From);
        Add("Filter.To", Filter.To);
        if (page is { } p)
        {
            values["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    private ChangeLogFilter? ToFilter()
    {
        var problems = new List<Problem>();
        var from = ChangeLogApi.ParseDay(Filter.From, "Filter.From", "開始日", problems);
        var to = ChangeLogApi.ParseDay(Filter.To, "Filter.To", "終了日", problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var filter = new ChangeLogFilter(Filter.Actor, Filter.Action, Filter.EntityType, from, to);
        var refused = filter.Problems();
        ModelState.AddProblems(refused, "Filter");
        return refused.Count == 0 ? filter : null;
    }

    /// <summary>The filter form.</summary>
    public sealed class FilterInput
    {
        /// <summary>Part of the actor.</summary>
        public string? Actor { get; set; }

        /// <summary>The action.</summary>
        public string? Action { get; set; }

        /// <summary>The entity type.</summary>
        public string? EntityType { get; set; }

        /// <summary>First day, yyyy-MM-dd.</summary>
        public string? From { get; set; }

        /// <summary>Last day, yyyy-MM-dd.</summary>
        public string? To { get; set; }
    }
}
