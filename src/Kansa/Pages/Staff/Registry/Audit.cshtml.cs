using Kansa.Audits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>An audit's findings for the coordinator, those without content (内容未登録) marked.</summary>
public sealed class AuditModel(LoadAuditRegistry registry) : PageModel
{
    /// <summary>The audit.</summary>
    public LoadAuditRegistry.AuditItem Audit { get; private set; } = null!;

    /// <summary>Its findings.</summary>
    public IReadOnlyList<LoadAuditRegistry.FindingItem> Findings { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var audit = await registry.FindAsync(key, ct);
        if (audit is null)
        {
            return NotFound();
        }

        Audit = audit;
        Findings = await registry.FindingsAsync(key, ct);
        return Page();
    }
}
