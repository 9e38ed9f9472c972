using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Rounds;
using Kansa.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Rounds;

/// <summary>
/// One round: what it changes (the lists of <c>kansa diff</c>), the responses it newly publishes apart from those
/// already published, the report rendered as the public reads it, downloads in every export format, then the publish
/// button behind a confirmation that names the month, and the cancellation with a reason. Admins and coordinators only.
/// </summary>
[Authorize(Policy = AccountServices.Coordinators)]
public sealed class DetailsModel(CurrentStaff staff, ListRounds list, PreviewRound preview, RoundChanges changes, Accounts.ResolveActorNames names) : PageModel
{
    /// <summary>The value of the confirmation checkbox.</summary>
    public const string Confirmed = "yes";

    /// <summary>The approved responses the preview shows; the publish form sends them back.</summary>
    public IReadOnlyList<int> Pending { get; private set; } = [];

    /// <summary>The round.</summary>
    public RoundView Round { get; private set; } = null!;

    /// <summary>The names of the people who opened, published or cancelled the round.</summary>
    public Accounts.ActorNames People { get; private set; } = Accounts.ActorNames.None;

    /// <summary>The report as the round shows it.</summary>
    public ReportSnapshot Snapshot { get; private set; } = null!;

    /// <summary>What the round changes.</summary>
    public RoundChangeList Changes { get; private set; } = null!;

    /// <summary>The reason typed into the cancellation form, kept when it is refused.</summary>
    public string? Reason { get; private set; }

    /// <summary>What the last action did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the preview.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The preview as a download in an export format (json, text, csv).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, CancellationToken ct)
    {
        var writer = ReportWriters.Find(format ?? "json");
        var missing = writer is null ? NotFound() : await LoadAsync(id, ct);
        if (missing is not null)
        {
            return missing;
        }

        using var buffer = new MemoryStream();
        await writer!.WriteAsync(Snapshot, buffer, ct);
        return File(buffer.ToArray(), writer.ContentType, $"kansa-preview-{Round.AsOf}{writer.Extension}");
    }

    /// <summary>Publishes the round, once the confirmation naming its month is ticked.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, [FromForm] int[]? previewed, [FromForm] string? confirm, [FromServices] PublishRound publish, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        if (confirm != Confirmed)
        {
            var loaded = await LoadAsync(id, ct);
            if (loaded is not null)
            {
                return loaded;
            }

            ModelState.AddModelError("confirm", $"公表の前に、確認欄「{Round.Label}として公表します」にチェックを入れてください。まだ公表していません。");
            return Page();
        }

        // A form without the preview's list (an older page) publishes as the API does without one.
        var outcome = await publish.RunAsync(user, id, Request.Form.ContainsKey("previewed") ? previewed ?? [] : null, ct);
        if (outcome.Succeeded)
        {
            Notice = $"{outcome.Value.Label}の回を公表しました (回答 {outcome.Value.Responses} 件)。";
            return RedirectToPage(new { id });
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }

        ModelState.AddProblems(outcome.Problems);
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Cancels the round with a reason.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, [FromForm] string? reason, [FromServices] CancelRound cancel, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await cancel.RunAsync(user, id, reason, ct);
        if (outcome.Succeeded)
        {
            Notice = $"{outcome.Value.Label}の回を取り消しました。承認済の回答は公表されないまま、次の回を待ちます。";
            return RedirectToPage(new { id });
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }

        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        Reason = reason;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var round = await list.FindAsync(id, ct);
        var outcome = await preview.RunAsync(user, id, null, ct);
        var changed = await changes.RunAsync(user, id, ct);
        if (round is null || !outcome.Succeeded || !changed.Succeeded)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }

        Round = round;
        People = await names.RunAsync([round.OpenedBy, round.PublishedBy, round.CancelledBy], ct);
        Snapshot = outcome.Value;
        Changes = changed.Value;
        Pending = [.. Changes.Newly.Select(r => r.ResponseId).Order()];
        return null;
    }
}
