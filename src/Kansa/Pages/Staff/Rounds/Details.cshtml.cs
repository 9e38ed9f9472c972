using Kansa.Reports;
using Kansa.Rounds;
using Kansa.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Rounds;

/// <summary>
/// One round: its preview (the snapshot the exports would write, with the approved responses taken as published),
/// the preview in every export format, and the publish button. Admins and coordinators only.
/// </summary>
[Authorize(Policy = AccountServices.Coordinators)]
public sealed class DetailsModel(CurrentStaff staff, ListRounds list, PreviewRound preview, Kansa.Storage.KansaDbContext db) : PageModel
{
    /// <summary>The approved responses the preview shows; the publish form sends them back.</summary>
    public IReadOnlyList<int> Pending { get; private set; } = [];

    /// <summary>The round.</summary>
    public RoundView Round { get; private set; } = null!;

    /// <summary>The report as the round shows it.</summary>
    public ReportSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The report in the published text format, written by the exports' own writer.</summary>
    public string Text { get; private set; } = "";

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

    /// <summary>Publishes the round.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, [FromForm] int[]? previewed, [FromServices] PublishRound publish, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        // A form without the preview's list (an older page) publishes as the API does without one.
        var outcome = await publish.RunAsync(user, id, Request.Form.ContainsKey("previewed") ? previewed ?? [] : null, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"{outcome.Value!.Label}の回を公表しました (回答 {outcome.Value.Responses} 件)。";
                return RedirectToPage(new { id });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }

        ModelState.AddProblems(outcome.Problems);
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
        if (round is null || !outcome.Succeeded)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }

        Round = round;
        Snapshot = outcome.Value!;
        Pending = [.. (await PublishRound.PendingAsync(db, ct)).Select(r => r.Id).Order()];
        using var buffer = new MemoryStream();
        await new TextReportWriter().WriteAsync(Snapshot, buffer, ct);
        Text = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF');
        return null;
    }
}
