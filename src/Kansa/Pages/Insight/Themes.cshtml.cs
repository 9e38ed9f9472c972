using Kansa.Recurrence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Insight;

/// <summary>Recurring themes: words that similar findings of audits of different years share.</summary>
[AllowAnonymous]
public sealed class ThemesModel(LoadRecurrence load) : PageModel
{
    /// <summary>The themes, those over the most years first.</summary>
    public IReadOnlyList<RecurringTheme> Themes { get; private set; } = [];

    /// <summary>Finds the themes.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Themes = await load.ThemesAsync(30, ct);
}
