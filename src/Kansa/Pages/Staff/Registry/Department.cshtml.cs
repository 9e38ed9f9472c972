using System.ComponentModel.DataAnnotations;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>One department: its history, and the forms to rename it or merge it into another from a month.</summary>
public sealed class DepartmentModel(ListDepartments list, RenameDepartment rename, MergeDepartment merge, CurrentStaff current) : PageModel
{
    /// <summary>The rename form.</summary>
    public sealed class RenameInput
    {
        /// <summary>The new name.</summary>
        [Display(Name = "新しい名称")]
        public string? Name { get; set; }

        /// <summary>The first month of the new name (YYYY-MM).</summary>
        [Display(Name = "変更する月")]
        public string? From { get; set; }

        /// <summary>The version the person read.</summary>
        public Guid? Version { get; set; }
    }

    /// <summary>The merge form.</summary>
    public sealed class MergeInput
    {
        /// <summary>The surviving department.</summary>
        [Display(Name = "統合先の所管課")]
        public int? Into { get; set; }

        /// <summary>The month of the merge (YYYY-MM).</summary>
        [Display(Name = "統合する月")]
        public string? From { get; set; }

        /// <summary>The version the person read.</summary>
        public Guid? Version { get; set; }
    }

    /// <summary>The department.</summary>
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>The rename form.</summary>
    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    /// <summary>The merge form.</summary>
    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    /// <summary>The department shown.</summary>
    public ListDepartments.Item Department { get; private set; } = null!;

    /// <summary>The departments it can be merged into.</summary>
    public IReadOnlyList<ListDepartments.Item> Others { get; private set; } = [];

    /// <summary>Shows the department.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Rename.Version = Merge.Version = Department.Version;
        return Page();
    }

    /// <summary>Renames the department from a month.</summary>
    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) =>
        SaveAsync("Rename", Rename.From, (user, from) => rename.RunAsync(user, Id, Rename.Name, from, Rename.Version, ct), ct);

    /// <summary>Merges the department into another from a month.</summary>
    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) =>
        Merge.Into is { } into
            ? SaveAsync("Merge", Merge.From, (user, from) => merge.RunAsync(user, Id, into, from, Merge.Version, ct), ct)
            : ShowProblemsAsync([new Problem("into", "統合先: 統合先の所管課を選んでください。")], "Merge", ct);

    private async Task<IActionResult> SaveAsync(string form, string? month, Func<Accounts.StaffUser, YearMonth, Task<Outcome<Department>>> action, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        if (!YearMonth.TryParseIso(month, out var from, out var reason))
        {
            return await ShowProblemsAsync([new Problem("from", $"月: {reason}。")], form, ct);
        }

        var outcome = await action(user, from);
        if (outcome.Succeeded)
        {
            return Redirect($"/staff/registry/departments/{Id}");
        }

        return outcome.Kind switch
        {
            OutcomeKind.NotFound => NotFound(),
            OutcomeKind.Forbidden => Forbid(),
            _ => await ShowProblemsAsync(outcome.Problems, form, ct),
        };
    }

    private async Task<IActionResult> ShowProblemsAsync(IReadOnlyList<Problem> problems, string form, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddProblems(problems, form);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // After a conflict the page shows the department as it is now; the next attempt starts from that, the input stays.
        Rename.Version = Merge.Version = Department.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var all = await list.RunAsync(ct);
        var department = all.FirstOrDefault(d => d.Id == Id);
        if (department is null)
        {
            return false;
        }

        Department = department;
        Others = [.. all.Where(d => d.Id != Id && d.MergedIntoId is null)];
        return true;
    }
}
