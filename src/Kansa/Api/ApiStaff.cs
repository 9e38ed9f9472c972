using System.Text.Json;
using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>What every API endpoint needs: the person of the request, months, dates and versions in requests, and lenient reading of optional bodies.</summary>
public static class ApiStaff
{
    /// <summary>Runs <paramref name="action"/> for the signed-in person; 401 when the request has none (the account is gone).</summary>
    public static async Task<IResult> AsStaffAsync(this CurrentStaff current, Func<StaffUser, Task<IResult>> action, CancellationToken ct) =>
        await current.GetAsync(ct) is { } user ? await action(user) : TypedResults.Unauthorized();

    /// <summary>Reads a month given as YYYY-MM, or the problem naming the field.</summary>
    public static (YearMonth Month, IResult? Problem) Month(string? text, string field) =>
        YearMonth.TryParseIso(text, out var month, out var reason)
            ? (month, null)
            : (default, ApiResults.Problem(OutcomeKind.Invalid, [new Problem(field, $"{field}: {reason} (例 2025-04)。")]));

    /// <summary>
    /// A JSON body that may be absent (submit and approve need none): an empty body reads as the default.
    /// Malformed JSON is a Japanese 400 rather than the framework's English one; a body that is not JSON is a 415,
    /// never silently ignored (a publish with its response ids as text/plain would otherwise publish everything).
    /// </summary>
    public static async Task<(T? Body, IResult? Error)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType() && request.ContentType is null))
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = ApiProblems.Title(StatusCodes.Status415UnsupportedMediaType),
                Detail = $"本文の Content-Type「{request.ContentType}」は読めません。application/json の JSON で送るか、本文なしで送ってください。",
            }));
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(ct), null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" ({line + 1}行目 {e.BytePositionInLine + 1}バイト目付近)" : "";
            return (null, ApiResults.Problem(OutcomeKind.Invalid, [new Problem("", $"本文を JSON として読めません{where}。JSON の形と各項目の型を確認してください。")]));
        }
    }

    /// <summary>Reads a version Guid; a malformed one is a problem naming the field.</summary>
    public static bool TryVersion(string? text, out Guid? version, out IResult? error)
    {
        version = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Guid.TryParse(text, out var v))
        {
            version = v;
            return true;
        }

        error = ApiResults.Problem(OutcomeKind.Invalid, [new Problem("version", "version: 版の形式が違います。読み込んだ回答の version をそのまま送ってください。")]);
        return false;
    }

    /// <summary>Reads a date written YYYY-MM-DD within Kansa's range; null when absent; a bad one is a problem naming the field.</summary>
    public static bool TryDate(string field, string? text, out DateOnly? date, out IResult? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (YearMonth.TryParseIsoDate(text, out var d, out var reason))
        {
            date = d;
            return true;
        }

        error = ApiResults.Problem(OutcomeKind.Invalid, [new Problem(field, $"{field}: {reason} (例 2025-12-01)。")]);
        return false;
    }
}
