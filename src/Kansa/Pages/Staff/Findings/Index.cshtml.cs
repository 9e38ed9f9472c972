using System.Globalization;
using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;
using Kansa.WorkList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Findings;

/// <summary>
/// The staff work list: findings the person may see, filtered by a GET form (no JavaScript needed), paged, each row
/// linking to its workflow page; coordinators select rows and request responses in one POST. The number box of
/// /staff lands here too: one match opens its workflow page, none or several stay here with a Japanese message.
/// </summary>
public sealed class IndexModel(CurrentStaff staff, ListWorkItems list) : PageModel
{
    /// <summary>A finding number typed into the lookup box.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>Audit key filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Audit { get; set; }

    /// <summary>Department filter.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Department { get; set; }

    /// <summary>Stage filter: a code (requested) or a label (依頼中).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    /// <summary>Only open requests due on or before this day (YYYY-MM-DD).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    /// <summary>Only overdue requests.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The page number ("p": "page" is the Razor Pages route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int P { get; set; } = 1;

    /// <summary>The bulk request form.</summary>
    [BindProperty]
    public BulkInput Bulk { get; set; } = new();

    /// <summary>The list, when the filter could be read.</summary>
    public WorkListPage? Result { get; private set; }

    /// <summary>The stage filter read.</summary>
    public WorkStage? StageFilter { get; private set; }

    /// <summary>A message about the lookup (not found, or found in several audits).</summary>
    public string? LookupMessage { get; private set; }

    /// <summary>What the last bulk request did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the list, or opens the one finding the lookup box named.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var missing = await LoadAsync(ct);
        if (missing is not null)
        {
            return missing;
        }

        if (Result is null || string.IsNullOrWhiteSpace(Number))
        {
            return Page();
        }

        var shown = Identifiers.Compact(Number);
        switch (Result.Total)
        {
            case 1 when Result.Items.Count == 1:
                var item = Result.Items[0];
                return Redirect($"/staff/findings/{Uri.EscapeDataString(item.Number)}?audit={Uri.EscapeDataString(item.AuditKey)}");
            case 0:
                LookupMessage = $"番号「{shown}」の指摘・意見は見つかりません。番号を確かめるか、下の条件で一覧から探してください。";
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            default:
                LookupMessage = $"番号「{shown}」の指摘・意見は {Result.Total} つの監査にあります。開くものを一覧から選んでください。";
                break;
        }

        return Page();
    }

    /// <summary>Requests responses for the selected (or all shown) findings with one due date and note (coordinator).</summary>
    public async Task<IActionResult> OnPostRequestAsync([FromServices] RequestResponses use, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var ids = Bulk.All is not null ? Bulk.Shown : Bulk.Selected;
        DateOnly? due = YearMonth.TryParseIsoDate(Bulk.DueDate ?? "", out var d, out var reason) ? d : null;
        if (due is null && !string.IsNullOrWhiteSpace(Bulk.DueDate))
        {
            ModelState.AddModelError("Bulk.DueDate", $"期限: {reason} (例 2026-01-31)。");
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await use.RunAsync(user, ids, due, Bulk.Note, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"{outcome.Value!.Count} 件の指摘・意見について、所管課に回答を依頼しました (期限 {WarekiDate.Format(due!.Value)})。";
                return Redirect(Url.Content("~/staff/findings") + QueryString(P));
            case OutcomeKind.Forbidden:
                // A plain 403 (the staff error page), not the cookie scheme's redirect to a login page.
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        foreach (var problem in outcome.Problems)
        {
            var key = problem.Field switch { "dueDate" => "Bulk.DueDate", "note" => "Bulk.Note", _ => "Bulk" };
            ModelState.AddModelError(key, problem.Message);
        }

        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>The query string of the current filter on another page.</summary>
    public string QueryString(int page)
    {
        var q = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                q.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("audit", Audit);
        Add("department", Department?.ToString(CultureInfo.InvariantCulture));
        Add("stage", WorkStages.Parse(Stage)?.Code());
        Add("due", Due);
        Add("overdue", Overdue ? "true" : null);
        Add("number", Number);
        Add("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return q.Count == 0 ? "" : "?" + string.Join("&", q);
    }

    /// <summary>Whether a row was selected in the form that came back.</summary>
    public bool IsSelected(int findingId) => Bulk.Selected.Contains(findingId);

    /// <summary>A day as the list writes it.</summary>
    public static string Day(DateOnly day) => WarekiDate.Format(day);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var unreadable = false;
        StageFilter = WorkStages.Parse(Stage);
        if (!string.IsNullOrWhiteSpace(Stage) && StageFilter is null)
        {
            unreadable = true;
            ModelState.AddModelError(nameof(Stage), $"段階: 「{Stage}」は選べません。一覧から選んでください。");
        }

        DateOnly? dueBy = null;
        if (!string.IsNullOrWhiteSpace(Due))
        {
            if (YearMonth.TryParseIsoDate(Due, out var d, out var reason))
            {
                dueBy = d;
            }
            else
            {
                unreadable = true;
                ModelState.AddModelError(nameof(Due), $"期限: {reason} (例 2026-01-31)。");
            }
        }

        if (unreadable)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        var outcome = await list.RunAsync(user, new WorkListFilter(Audit, Department, StageFilter, dueBy, Overdue, Number, P), ct);
        if (!outcome.Succeeded)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError(problem.Field == "page" ? "p" : "", problem.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        Result = outcome.Value;
        return null;
    }

    /// <summary>The fields of the bulk request form.</summary>
    public sealed class BulkInput
    {
        /// <summary>Findings ticked.</summary>
        public List<int> Selected { get; set; } = [];

        /// <summary>Every finding shown on the page (for 「表示中のすべてに依頼」).</summary>
        public List<int> Shown { get; set; } = [];

        /// <summary>Set by the 「表示中のすべてに依頼」 button.</summary>
        public string? All { get; set; }

        /// <summary>The due date, YYYY-MM-DD.</summary>
        public string? DueDate { get; set; }

        /// <summary>The note for the departments.</summary>
        public string? Note { get; set; }
    }
}
