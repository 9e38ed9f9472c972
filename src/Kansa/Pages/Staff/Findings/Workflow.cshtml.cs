using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Findings;

/// <summary>
/// A finding's workflow for staff: request and due dates (coordinator), draft, edit and submit (editor),
/// approve or return (approver), correct a published text (admin, coordinator), with every step.
/// Every form posts, then redirects back here; a refusal or a conflict shows as a form error and keeps the input.
/// </summary>
public sealed class WorkflowModel(CurrentStaff staff, LoadFindingWorkflow load, Accounts.ResolveActorNames names) : PageModel
{
    /// <summary>Every field of the page's forms; each form sends the ones it has.</summary>
    public sealed class InputModel
    {
        /// <summary>The status word.</summary>
        public string? Status { get; set; }

        /// <summary>The text.</summary>
        public string? Content { get; set; }

        /// <summary>The version read.</summary>
        public Guid? Version { get; set; }

        /// <summary>A return's comment.</summary>
        public string? Comment { get; set; }

        /// <summary>A due-date move's or a correction's reason.</summary>
        public string? Reason { get; set; }

        /// <summary>A due date, YYYY-MM-DD (the date input's format).</summary>
        public string? DueDate { get; set; }

        /// <summary>A request's note.</summary>
        public string? Note { get; set; }

        /// <summary>The response acted on.</summary>
        public int ResponseId { get; set; }

        /// <summary>The request whose due date moves.</summary>
        public int RequestId { get; set; }
    }

    /// <summary>The finding's number (route).</summary>
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    /// <summary>The audit key, when the number is ambiguous.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Audit { get; set; }

    /// <summary>The posted form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The workflow.</summary>
    public FindingWorkflow View { get; private set; } = null!;

    /// <summary>The names of the people the page shows (requests, due-date changes, steps), read in one query.</summary>
    public Accounts.ActorNames People { get; private set; } = Accounts.ActorNames.None;

    /// <summary>Whether a form came back with errors (its input is shown again instead of the stored values).</summary>
    public bool Posted { get; private set; }

    /// <summary>The form that came back: draft, edit, request, due, return, correct.</summary>
    public string? PostedForm { get; private set; }

    /// <summary>What the last action did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Requests a response (coordinator).</summary>
    public Task<IActionResult> OnPostRequestAsync([FromServices] RequestResponse use, CancellationToken ct) =>
        ActAsync("request", "回答を依頼しました。", user => use.RunAsync(user, Number, Audit, ParseDate(Input.DueDate), Input.Note, ct), ct);

    /// <summary>Moves a due date (coordinator, with a reason).</summary>
    public Task<IActionResult> OnPostDueAsync([FromServices] MoveDueDate use, CancellationToken ct) =>
        ActAsync("due", "期限を変更しました。", user => use.RunAsync(user, Input.RequestId, ParseDate(Input.DueDate), Input.Reason, ct), ct);

    /// <summary>Starts a draft (editor).</summary>
    public Task<IActionResult> OnPostDraftAsync([FromServices] DraftResponse use, CancellationToken ct) =>
        ActAsync("draft", "下書きを保存しました。", user => use.RunAsync(user, Number, Audit, Input.Status, Input.Content, ct), ct);

    /// <summary>Saves an edit (editor).</summary>
    public Task<IActionResult> OnPostEditAsync([FromServices] EditResponse use, CancellationToken ct) =>
        ActAsync("edit", "回答を保存しました。", user => use.RunAsync(user, Input.ResponseId, Input.Status, Input.Content, Input.Version, ct), ct);

    /// <summary>Submits (editor).</summary>
    public Task<IActionResult> OnPostSubmitAsync([FromServices] SubmitResponse use, CancellationToken ct) =>
        ActAsync("submit", "回答を提出しました。", user => use.RunAsync(user, Input.ResponseId, Input.Version, ct), ct);

    /// <summary>Approves (approver).</summary>
    public Task<IActionResult> OnPostApproveAsync([FromServices] ApproveResponse use, CancellationToken ct) =>
        ActAsync("approve", "回答を承認しました。次の公表の回に載ります。", user => use.RunAsync(user, Input.ResponseId, Input.Version, ct), ct);

    /// <summary>Returns with a comment (approver).</summary>
    public Task<IActionResult> OnPostReturnAsync([FromServices] ReturnResponse use, CancellationToken ct) =>
        ActAsync("return", "回答を差し戻しました。", user => use.RunAsync(user, Input.ResponseId, Input.Comment, Input.Version, ct), ct);

    /// <summary>Corrects a published text (admin, coordinator).</summary>
    public Task<IActionResult> OnPostCorrectAsync([FromServices] CorrectPublishedResponse use, CancellationToken ct) =>
        ActAsync("correct", "公表した内容を訂正しました。", user => use.RunAsync(user, Input.ResponseId, Input.Content, Input.Reason, Input.Version, ct), ct);

    /// <summary>A time as shown on the page.</summary>
    public static string Time(DateTimeOffset at) => StaffPage.Time(at);

    /// <summary>The model-state key of a field of one of the page's forms, or null unless that form was posted (the
    /// forms share field names, and a message belongs beside the field the person filled in).</summary>
    public string? Key(string form, string field, long? responseId = null) =>
        Posted && PostedForm == form && (responseId is null || Input.ResponseId == responseId) ? "Input." + field : null;

    /// <summary>The id of a field's message when it has one, for aria-describedby.</summary>
    public string? DescribedBy(string form, string field, string id, long? responseId = null) =>
        FieldMessages.DescribedBy(ModelState, Key(form, field, responseId), id);

    /// <summary>The value a field shows: the person's input after a refused post of that form, else the stored value.</summary>
    public string? Value(string form, string? posted, string? stored) => Posted && PostedForm == form ? posted : stored;

    private async Task<IActionResult> ActAsync<T>(string form, string notice, Func<Accounts.StaffUser, Task<Outcome<T>>> action, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await action(user);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = notice;
                return RedirectToPage(new { number = Number, audit = Audit });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }

        ModelState.AddProblems(outcome.Problems);
        Posted = true;
        PostedForm = form;
        var missing = await LoadAsync(ct);
        if (missing is not null)
        {
            return missing;
        }

        if (outcome.Kind == OutcomeKind.Conflict && View.Responses.FirstOrDefault(r => r.Id == Input.ResponseId) is { } newer)
        {
            // The page now shows the newer text; the person's input stays in the form, and saving again is their choice.
            Input.Version = newer.Version;
            ModelState.Remove("Input.Version");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await load.RunAsync(user, Number, Audit, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // Ambiguous number: the work list shows the audits that have it, and the person stays in the staff area.
            return Redirect("/staff/findings?number=" + Uri.EscapeDataString(Number));
        }

        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        View = outcome.Value;
        People = await names.RunAsync(
            View.Requests.Select(r => r.RequestedBy)
                .Concat(View.Requests.SelectMany(r => r.Changes.Select(c => c.ChangedBy)))
                .Concat(View.Responses.SelectMany(r => r.Steps.Select(s => s.By))),
            ct);
        return null;
    }

    // The one date reader of the API and the CLI; a date it refuses reaches the use case as missing, which says so.
    private static DateOnly? ParseDate(string? text) => YearMonth.TryParseIsoDate(text, out var d, out _) ? d : null;
}
