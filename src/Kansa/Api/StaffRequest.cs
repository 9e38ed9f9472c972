using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Web;

namespace Kansa.Api;

/// <summary>Helpers the API endpoints share: the person of the request, months in requests.</summary>
internal static class StaffRequest
{
    /// <summary>Runs <paramref name="action"/> for the signed-in person; 401 when the request has none.</summary>
    public static async Task<IResult> AsStaffAsync(this CurrentStaff current, Func<StaffUser, Task<IResult>> action, CancellationToken ct) =>
        await current.GetAsync(ct) is { } user ? await action(user) : TypedResults.Unauthorized();

    /// <summary>Reads a month given as YYYY-MM, or the problem naming the field.</summary>
    public static (YearMonth Month, IResult? Problem) Month(string? text, string field) =>
        YearMonth.TryParseIso(text, out var month, out var reason)
            ? (month, null)
            : (default, ApiResults.Problem(OutcomeKind.Invalid, [new Problem(field, $"{field}: {reason} (例 2025-04)。")]));
}
