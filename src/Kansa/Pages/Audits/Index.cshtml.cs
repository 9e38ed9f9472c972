using Kansa.Audits;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>The front page: every audit with its progress.</summary>
public sealed class IndexModel(ListAudits listAudits) : PageModel
{
    /// <summary>The audits.</summary>
    public IReadOnlyList<ListAudits.Item> Audits { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Audits = await listAudits.RunAsync(ct);
}
