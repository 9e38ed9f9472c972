using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kansa.Pages.Staff;

/// <summary>What the staff pages share: problems as form errors, times as Japan reads them.</summary>
public static class StaffPage
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>Puts a use case's problems on the form: field "content" becomes Input.Content, "" the whole form.</summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems)
    {
        foreach (var p in problems)
        {
            modelState.AddModelError(p.Field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(p.Field[0]) + p.Field[1..], p.Message);
        }
    }

    /// <summary>令和7年11月26日 22:10 in Japan time: the one style of every moment on staff pages.</summary>
    public static string Time(DateTimeOffset at) => Calendar.WarekiDate.FormatMoment(at);

    /// <summary>令和7年11月26日: the one style of every day on staff pages.</summary>
    public static string Day(DateOnly day) => Calendar.WarekiDate.Format(day);

    /// <summary>Today in Japan.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Japan).DateTime);
}
