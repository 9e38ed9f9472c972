using System.ComponentModel.DataAnnotations;
using Kansa.Accounts;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>
/// Registers a finding of an audit (no number) or edits one: how the coordinator completes the findings an import
/// left without content. Number and category are fixed once registered.
/// </summary>
public sealed class FindingFormModel(LoadFindingRecord load, CreateFinding create, EditFinding edit, ListDepartments departments, CurrentStaff current) : PageModel
{
    private static readonly char[] Separators = ['、', ',', '，', '\n', '\r'];

    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>The number (new findings only).</summary>
        [Display(Name = "番号")]
        public string? Number { get; set; }

        /// <summary>指摘 or 意見 (new findings only).</summary>
        [Display(Name = "区分")]
        public string? Category { get; set; }

        /// <summary>The title.</summary>
        [Display(Name = "件名")]
        public string? Title { get; set; }

        /// <summary>The excerpt.</summary>
        [Display(Name = "内容 (報告書より抜粋)")]
        public string? Excerpt { get; set; }

        /// <summary>The report pages.</summary>
        [Display(Name = "報告書頁")]
        public string? ReportPages { get; set; }

        /// <summary>The departments, separated by 、 or new lines.</summary>
        [Display(Name = "所管課")]
        public string? Departments { get; set; }

        /// <summary>The version the person read.</summary>
        public Guid? Version { get; set; }
    }

    /// <summary>The audit.</summary>
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    /// <summary>The finding edited; null when registering one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The departments that can be named (not merged into another).</summary>
    public IReadOnlyList<string> DepartmentNames { get; private set; } = [];

    /// <summary>What the finding is now, shown after a conflict.</summary>
    public FindingAsOf? Newer { get; private set; }

    /// <summary>Shows the form, filled in when editing.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        await LoadDepartmentsAsync(ct);
        if (Number is null)
        {
            return Page();
        }

        var found = await load.RunAsync(user, Number, Key, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        var f = found.Value;
        Input = new InputModel
        {
            Title = f.Title, Excerpt = f.Excerpt, ReportPages = f.ReportPages,
            Departments = string.Join("、", f.Departments), Version = f.Version,
        };
        return Page();
    }

    /// <summary>Saves, then shows the audit's findings; problems and conflicts stay on the form with the input.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is null)
        {
            return Challenge();
        }

        var names = (Input.Departments ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fields = new FindingFields(Input.Title, Input.Excerpt, Input.ReportPages, names);
        var outcome = Number is null
            ? await create.RunAsync(user, Key, Input.Number, Input.Category, fields, ct)
            : await edit.RunAsync(user, Number, Key, fields, Input.Version, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/staff/registry/audits/{Uri.EscapeDataString(Key)}");
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.Clear();
        ModelState.AddProblems(outcome.Problems);
        await LoadDepartmentsAsync(ct);
        if (outcome.Kind == OutcomeKind.Conflict && Number is not null)
        {
            // Show what the other person saved; the next save starts from it, and the input typed here is kept.
            Newer = (await load.RunAsync(user, Number, Key, ct)).Value;
            Input.Version = Newer?.Version;
        }

        return Page();
    }

    private async Task LoadDepartmentsAsync(CancellationToken ct) =>
        DepartmentNames = [.. (await departments.RunAsync(ct)).Where(d => d.MergedIntoId is null).Select(d => d.Name)];
}
