using System.ComponentModel.DataAnnotations;
using Kansa.Audits;
using Kansa.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Registry;

/// <summary>Registers an audit (no key) or edits one (its key): theme, auditor, report date; kind and year only when new.</summary>
public sealed class AuditFormModel(LoadAuditRegistry registry, CreateAudit create, EditAudit edit, CurrentStaff current) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>The audit kind.</summary>
        [Display(Name = "監査の種類")]
        public string? Kind { get; set; }

        /// <summary>The fiscal year (western).</summary>
        [Display(Name = "年度 (西暦)")]
        public int? FiscalYear { get; set; }

        /// <summary>The theme.</summary>
        [Display(Name = "テーマ")]
        public string? Theme { get; set; }

        /// <summary>The auditor.</summary>
        [Display(Name = "監査人")]
        public string? Auditor { get; set; }

        /// <summary>The report date.</summary>
        [Display(Name = "報告書の提出日")]
        public DateOnly? ReportDate { get; set; }

        /// <summary>The version the person read.</summary>
        public Guid? Version { get; set; }
    }

    /// <summary>The key of the audit edited; null when registering one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>What the audit is now, shown after a conflict.</summary>
    public LoadAuditRegistry.AuditItem? Newer { get; private set; }

    /// <summary>Shows the form, filled in when editing.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Key is null)
        {
            return Page();
        }

        var audit = await registry.FindAsync(Key, ct);
        if (audit is null)
        {
            return NotFound();
        }

        Input = new InputModel { Kind = audit.Kind, FiscalYear = audit.FiscalYear, Theme = audit.Theme, Auditor = audit.Auditor, ReportDate = audit.ReportDate, Version = audit.Version };
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

        var fields = new AuditFields(Input.Kind, Input.FiscalYear, Input.Theme, Input.Auditor, Input.ReportDate);
        var outcome = Key is null ? await create.RunAsync(user, fields, ct) : await edit.RunAsync(user, Key, fields, Input.Version, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/staff/registry/audits/{Uri.EscapeDataString(outcome.Value.Key)}");
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
        if (outcome.Kind == OutcomeKind.Conflict && Key is not null)
        {
            // Show what the other person saved; the next save starts from it, and the input typed here is kept.
            Newer = await registry.FindAsync(Key, ct);
            Input.Version = Newer?.Version;
        }

        return Page();
    }
}
