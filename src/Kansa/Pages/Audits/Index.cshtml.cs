using Kansa.Audits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>The front page: the audits with their progress, a page at a time (newest fiscal year first).</summary>
public sealed class IndexModel(ListAudits listAudits) : PageModel
{
    /// <summary>
    /// The page asked for (?Query.Page=2, as on the audit page; "page" itself is Razor Pages' own route value);
    /// anything else than a number is the first page.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "Query.Page")]
    public int? Requested { get; set; }

    /// <summary>The page of audits shown.</summary>
    public ListAudits.Page Result { get; private set; } = new([], 1, 0);

    /// <summary>The audits on it.</summary>
    public IReadOnlyList<ListAudits.Item> Audits => Result.Items;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Result = await listAudits.RunAsync(Requested ?? 1, ct);

    /// <summary>The address of another page of the list (the first page is the plain front page).</summary>
    public static string PageLink(int page) => page <= 1 ? "/" : "/?Query.Page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
