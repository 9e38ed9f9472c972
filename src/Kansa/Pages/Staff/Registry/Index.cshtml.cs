using Kansa.Audits;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>The registry's front page: every audit with how many findings still lack content.</summary>
public sealed class IndexModel(LoadAuditRegistry registry) : PageModel
{
    /// <summary>The audits.</summary>
    public IReadOnlyList<LoadAuditRegistry.AuditItem> Audits { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Audits = await registry.ListAsync(ct);
}
