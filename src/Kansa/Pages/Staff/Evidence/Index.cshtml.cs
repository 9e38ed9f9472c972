using Kansa.Evidence;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Evidence;

/// <summary>A response's evidence files: list, download links and (for those allowed) the upload form.</summary>
public sealed class IndexModel(CurrentStaff staff, ListEvidence list, AttachEvidence attach, Accounts.ResolveActorNames names) : PageModel
{
    /// <summary>The files and what the person may do.</summary>
    public EvidenceList? Evidence { get; private set; }

    /// <summary>The file chosen in the form.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Shows the files.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Attaches the chosen file, then shows the list again (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        Outcome<EvidenceSummary> outcome;
        if (Upload is null)
        {
            outcome = Outcome<EvidenceSummary>.Invalid("file", "ファイル: 添付するファイルを選んでください。");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            outcome = await attach.RunAsync(user, id, Upload.FileName, Upload.Length, stream, ct);
        }

        if (outcome.Succeeded)
        {
            TempData["Message"] = $"「{outcome.Value.FileName}」を添付しました。";
            return RedirectToPage(new { id });
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                foreach (var problem in outcome.Problems)
                {
                    ModelState.AddModelError(nameof(Upload), problem.Message);
                }

                return await LoadAsync(id, ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await list.RunAsync(user, id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Evidence = outcome.Value;
        ViewData[nameof(Accounts.ActorNames)] = await names.RunAsync(Evidence!.Files.Select(f => f.UploadedBy), ct);
        return null;
    }
}
