using Kansa.Calendar;
using Kansa.Reports;
using Kansa.Responses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Audits;

/// <summary>
/// What changed in one audit between two months (public, published data only): /audits/{key}/changes?from=&amp;to=.
/// Without months it compares the two latest months the audit has publications for.
/// </summary>
public sealed class ChangesModel(CompareSnapshots compare, LoadReportSnapshot snapshots, TimeProvider time) : PageModel
{
    /// <summary>The earlier month as typed (2025-01, R7.1, 令和7年1月).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The later month as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The lists, when the months could be read.</summary>
    public AuditChanges? Changes { get; private set; }

    /// <summary>The months the audit has publications for, newest first: the choices of the form.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>Why the months could not be used, per field ("from", "to").</summary>
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    /// <summary>The audit's key.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The message for an audit that does not exist.</summary>
    public string? Missing { get; private set; }

    /// <summary>Compares.</summary>
    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        Key = key;
        Months = await snapshots.MonthsAsync(key, ct);
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            // The two latest months the city published something for: the change the public most likely asks about
            // (this month against itself while nothing is published yet, which lists every finding as still open).
            var current = YearMonth.CurrentInJapan(time);
            To = (Months.Count > 0 ? Months[0] : current).ToString();
            From = (Months.Count > 1 ? Months[1] : Months.Count > 0 ? Months[0] : current).ToString();
        }

        var outcome = await compare.RunAsync(key, From, To, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Changes = outcome.Value;
                break;
            case OutcomeKind.NotFound:
                // Said on the page itself (in Japanese, naming the key) rather than as the bare error page.
                Missing = outcome.Problems[0].Message;
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            default:
                Problems = outcome.Problems;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        return Page();
    }

    /// <summary>The month a field was read as, for the form's selection; null when it could not be read.</summary>
    public YearMonth? Chosen(string? text) => YearMonth.TryParse(text, out var month, out _) ? month : null;
}
