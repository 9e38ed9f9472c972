using Kansa.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Insight;

/// <summary>One department: its findings across audits under the names of their time, open ones and for how long.</summary>
[AllowAnonymous]
public sealed class DepartmentModel(LoadDepartmentOverviews load) : PageModel
{
    /// <summary>The department.</summary>
    public DepartmentOverview Department { get; private set; } = null!;

    /// <summary>Loads the department.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var department = await load.OneAsync(id, ct);
        if (department is null)
        {
            return NotFound();
        }

        Department = department;
        return Page();
    }
}
