using Kansa.Rounds;
using Kansa.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Rounds;

/// <summary>Publication rounds: the list, and the form that opens the next one. Admins and coordinators only.</summary>
[Authorize(Policy = AccountServices.Coordinators)]
public sealed class IndexModel(CurrentStaff staff, ListRounds list, Accounts.ResolveActorNames names) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>The month, YYYY-MM (the month input's format).</summary>
        public string? AsOf { get; set; }
    }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Every round, newest first.</summary>
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    /// <summary>Approved responses waiting for a round.</summary>
    public int Waiting { get; private set; }

    /// <summary>Whether a round is open (then no other can be opened).</summary>
    public bool HasOpenRound => Rounds.Any(r => r.IsOpen);

    /// <summary>Shows the list.</summary>
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The names of the people who opened and published the rounds.</summary>
    public Accounts.ActorNames People { get; private set; } = Accounts.ActorNames.None;

    /// <summary>Opens a round and goes to its preview.</summary>
    public async Task<IActionResult> OnPostAsync([FromServices] OpenRound open, CancellationToken ct)
    {
        var user = await staff.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await open.RunAsync(user, Input.AsOf, ct);
        if (outcome.Succeeded)
        {
            return RedirectToPage("Details", new { id = outcome.Value.Id });
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.AddProblems(outcome.Problems);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Rounds, Waiting) = await list.RunAsync(ct);
        People = await names.RunAsync(Rounds.SelectMany(r => new[] { r.OpenedBy, r.PublishedBy }), ct);
    }
}
