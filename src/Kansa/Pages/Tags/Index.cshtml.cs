using Kansa.Findings;
using Kansa.Tags;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Tags;

/// <summary>Every tag the coordinators set, with how many published findings carry it.</summary>
[AllowAnonymous]
public sealed class IndexModel(LoadTags load) : PageModel
{
    /// <summary>The tags with published findings, the most used first.</summary>
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    /// <summary>Reads the tags.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await load.AllAsync(ct);
        var published = (await load.TaggedFindingsAsync(ct)).Where(f => !PublicWording.IsUnpublished(f)).Select(f => f.Id).ToHashSet();
        Tags = [.. all.Select(t => new TagCount(t.Name, t.FindingIds.Count(published.Contains))).Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }
}
