using Kansa.Recurrence;
using Microsoft.AspNetCore.Mvc;

namespace Kansa.Pages.Insight;

/// <summary>The finding page's 「前にも指摘されていないか」: the most similar findings of other audits, with why.</summary>
public sealed class SimilarFindingsViewComponent(LoadRecurrence load) : ViewComponent
{
    /// <summary>Finds the similar findings of one finding.</summary>
    public async Task<IViewComponentResult> InvokeAsync(int findingId) =>
        View(await load.SimilarToAsync(findingId, HttpContext.RequestAborted));
}
