using Kansa.Findings;
using Kansa.Security;
using Kansa.Status;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Vocabulary;

/// <summary>
/// The coordinator chooses, with a checkbox per mapped word grouped by state, which status words editors of 指摘 and
/// 意見 may pick. Saving redirects back (post/redirect/get) with a notice; a refused choice shows next to its category.
/// </summary>
[Authorize(Policy = AccountServices.Coordinators)]
public sealed class IndexModel(LoadWordChoices load, ChooseWords choose, CurrentStaff current) : PageModel
{
    /// <summary>The words ticked for 指摘.</summary>
    [BindProperty]
    public List<string> Finding { get; set; } = [];

    /// <summary>The words ticked for 意見.</summary>
    [BindProperty]
    public List<string> Opinion { get; set; } = [];

    /// <summary>Every mapped word with the saved choice.</summary>
    public WordChoices Choices { get; private set; } = new([]);

    /// <summary>What the last save did, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the saved choice.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await load.RunAsync(ct);
        Finding = [.. Choices.For(FindingCategory.Finding).Chosen];
        Opinion = [.. Choices.For(FindingCategory.Opinion).Chosen];
    }

    /// <summary>Saves the choice of both categories.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await choose.RunAsync(user, new Dictionary<FindingCategory, IReadOnlyList<string?>>
        {
            [FindingCategory.Finding] = Finding,
            [FindingCategory.Opinion] = Opinion,
        }, ct);
        if (outcome.Succeeded)
        {
            Notice = "対応区分の語の選択を保存しました。";
            return Redirect("/staff/vocabulary");
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.Clear();
        foreach (var p in outcome.Problems)
        {
            ModelState.AddModelError(p.Field.Length == 0 ? "" : char.ToUpperInvariant(p.Field[0]) + p.Field[1..], p.Message);
        }

        Choices = await load.RunAsync(ct);
        return Page();
    }

    /// <summary>Whether a word is ticked in the form (as posted, or as saved).</summary>
    public bool IsTicked(FindingCategory category, string word) =>
        (category == FindingCategory.Finding ? Finding : Opinion).Contains(word, StringComparer.Ordinal);

    /// <summary>The form field of a category: Finding or Opinion.</summary>
    public static string FieldName(FindingCategory category) => category == FindingCategory.Finding ? nameof(Finding) : nameof(Opinion);
}
