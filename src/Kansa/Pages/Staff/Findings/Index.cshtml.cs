using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Staff.Findings;

/// <summary>Opens a finding's workflow page by number (a GET form that works without JavaScript).</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>The number typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>Goes to the finding, or shows the form.</summary>
    public IActionResult OnGet() =>
        string.IsNullOrWhiteSpace(Number) ? Page() : Redirect("/staff/findings/" + Uri.EscapeDataString(Identifiers.Compact(Number)));
}
