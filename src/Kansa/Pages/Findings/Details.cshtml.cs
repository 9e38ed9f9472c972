using Kansa.Findings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Findings;

/// <summary>
/// One finding: excerpt, departments, current status and history. Reached as /findings/{number}
/// (when several audits share the number, the reader chooses) or /audits/{key}/findings/{number}.
/// </summary>
public sealed class DetailsModel(LoadFindingDetails load, Kansa.Tags.LoadTags tags) : PageModel
{
    /// <summary>The finding's tags; shown only once its status is published, as the tag pages list only those.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The matching findings; one on a normal visit.</summary>
    public IReadOnlyList<FindingAsOf> Matches { get; private set; } = [];

    /// <summary>Loads the finding.</summary>
    public async Task<IActionResult> OnGetAsync(string? key, string number, CancellationToken ct)
    {
        Matches = await load.RunAsync(key, number, ct);
        if (Matches.Count == 1 && !PublicWording.IsUnpublished(Matches[0]))
        {
            Tags = await tags.OfFindingAsync(Matches[0].Id, ct);
        }

        return Matches.Count == 0 ? NotFound() : Page();
    }
}
