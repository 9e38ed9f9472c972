using System.ComponentModel.DataAnnotations;
using Kansa.Findings;
using Kansa.Security;
using Kansa.Tags;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Findings;

/// <summary>
/// A finding's tags (coordinators and admins; the folder's policy refuses everyone else): add one typed or suggested,
/// remove one. Suggestions come from similar findings' tags and the words the recurrence scorer found shared.
/// </summary>
public sealed class TagsModel(CurrentStaff staff, LoadFindingRecord load, LoadTags tags, SuggestTags suggest, TagFinding use) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>The tag to add or remove.</summary>
        [Display(Name = "タグ")]
        public string? Name { get; set; }
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

    /// <summary>The finding.</summary>
    public FindingAsOf Finding { get; private set; } = null!;

    /// <summary>Its tags, in the order they were added.</summary>
    public IReadOnlyList<string> Current { get; private set; } = [];

    /// <summary>Tags the page suggests.</summary>
    public IReadOnlyList<TagSuggestion> Suggestions { get; private set; } = [];

    /// <summary>Whether the add form came back with errors.</summary>
    public string? PostedForm { get; private set; }

    /// <summary>What the last action did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The query string that keeps the audit of an ambiguous number.</summary>
    public string AuditQuery => Audit is null ? "" : "?audit=" + Uri.EscapeDataString(Audit);

    /// <summary>Shows the tags and suggestions.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Adds a tag.</summary>
    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ActAsync("add", n => $"タグ「{n}」を付けました。", (user, name) => use.AddAsync(user, Number, Audit, name, ct), ct);

    /// <summary>Removes a tag.</summary>
    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        ActAsync("remove", n => $"タグ「{n}」を外しました。", (user, name) => use.RemoveAsync(user, Number, Audit, name, ct), ct);

    private async Task<IActionResult> ActAsync(
        string form, Func<string, string> notice, Func<Accounts.StaffUser, string?, Task<Outcome<IReadOnlyList<string>>>> action, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await action(user, Input.Name);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = notice(TagName.Normalize(Input.Name).Value ?? Input.Name ?? "");
                return RedirectToPage(new { number = Number, audit = Audit });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }

        ModelState.Clear();
        ModelState.AddProblems(outcome.Problems);
        PostedForm = form;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var found = await load.RunAsync(user, Number, Audit, ct);
        if (found.Kind == OutcomeKind.Invalid)
        {
            return Redirect("/staff/findings?number=" + Uri.EscapeDataString(Number));
        }

        if (!found.Succeeded)
        {
            return NotFound();
        }

        Finding = found.Value;
        Current = await tags.OfFindingAsync(Finding.Id, ct);
        Suggestions = await suggest.RunAsync(Finding.Id, ct);
        return null;
    }
}
