using Kansa.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Insight;

/// <summary>How long findings stay open, over every audit and per audit fiscal year (published data only).</summary>
[AllowAnonymous]
public sealed class AgeingModel(LoadFindingAges load) : PageModel
{
    /// <summary>The counts.</summary>
    public AgeingSummary Summary { get; private set; } = null!;

    /// <summary>Loads every finding.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Summary = AgeingSummary.From(await load.AllAsync(ct));
}
