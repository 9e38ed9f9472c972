using Kansa.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Insight;

/// <summary>The departments with findings: how many are open, for how long, with a chart (published data only).</summary>
[AllowAnonymous]
public sealed class DepartmentsModel(LoadDepartmentOverviews load) : PageModel
{
    /// <summary>Departments not merged into another, by name.</summary>
    public IReadOnlyList<DepartmentOverview> Current { get; private set; } = [];

    /// <summary>Departments merged into another, with their own findings.</summary>
    public IReadOnlyList<DepartmentOverview> Merged { get; private set; } = [];

    /// <summary>Loads the departments.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await load.AllAsync(ct);
        Current = Charts.ChartEndpoints.Current(all);
        Merged = [.. all.Where(d => d.MergedInto is not null)];
    }
}
