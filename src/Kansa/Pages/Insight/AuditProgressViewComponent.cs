using Kansa.Insight;
using Microsoft.AspNetCore.Mvc;

namespace Kansa.Pages.Insight;

/// <summary>The audit page's progress over its publication months: one chart and table per category.</summary>
public sealed class AuditProgressViewComponent(LoadAuditProgress load) : ViewComponent
{
    /// <summary>Loads the audit's progress (nothing is shown for an unknown key).</summary>
    public async Task<IViewComponentResult> InvokeAsync(string key)
    {
        var progress = await load.RunAsync(key, HttpContext.RequestAborted);
        return progress is null ? Content("") : View(progress);
    }
}
