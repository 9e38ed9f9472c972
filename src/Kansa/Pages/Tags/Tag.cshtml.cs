using Kansa.Findings;
using Kansa.Tags;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Tags;

/// <summary>One tag's published findings across audits and years, oldest audit first.</summary>
[AllowAnonymous]
public sealed class TagModel(LoadTags load) : PageModel
{
    /// <summary>The tag as stored (NFKC: /tags/ＤＸ shows DX).</summary>
    public string Name { get; private set; } = "";

    /// <summary>Its published findings.</summary>
    public IReadOnlyList<FindingAsOf> Findings { get; private set; } = [];

    /// <summary>The fiscal years the findings come from.</summary>
    public IReadOnlyList<int> Years => [.. Findings.Select(f => f.FiscalYear).Distinct().Order()];

    /// <summary>Reads the tag's findings; a tag no published finding carries is not found.</summary>
    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken ct)
    {
        Name = TagName.Normalize(tag).Value ?? tag;
        Findings = [.. (await load.FindingsAsync(tag, ct)).Where(f => !PublicWording.IsUnpublished(f))];
        return Findings.Count == 0 ? NotFound() : Page();
    }
}
