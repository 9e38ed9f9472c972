using Kansa.Findings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Findings;

/// <summary>
/// One finding: excerpt, departments, current status and history. Reached as /findings/{number}
/// (when several audits share the number, the reader chooses) or /audits/{key}/findings/{number}.
/// </summary>
public sealed class DetailsModel(LoadFindingDetails load) : PageModel
{
    /// <summary>The matching findings; one on a normal visit.</summary>
    public IReadOnlyList<FindingAsOf> Matches { get; private set; } = [];

    /// <summary>Loads the finding.</summary>
    public async Task<IActionResult> OnGetAsync(string? key, string number, CancellationToken ct)
    {
        Matches = await load.RunAsync(key, number, ct);
        return Matches.Count == 0 ? NotFound() : Page();
    }
}
