using System.ComponentModel.DataAnnotations;
using Kansa.Departments;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>The departments with their names over time and their merges; registering a new one.</summary>
public sealed class DepartmentsModel(ListDepartments list, CreateDepartment create, CurrentStaff current) : PageModel
{
    /// <summary>The form for a new department.</summary>
    public sealed class InputModel
    {
        /// <summary>Its name.</summary>
        [Display(Name = "新しい所管課の名称")]
        public string? Name { get; set; }
    }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The departments.</summary>
    public IReadOnlyList<ListDepartments.Item> Departments { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Departments = await list.RunAsync(ct);

    /// <summary>Registers a department.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await create.RunAsync(user, Input.Name, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/staff/registry/departments/{outcome.Value.Id}");
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.Clear();
        ModelState.AddProblems(outcome.Problems);
        Departments = await list.RunAsync(ct);
        return Page();
    }
}
