using System.Globalization;
using System.Text.Json;
using Kansa.Accounts;
using Kansa.Web;

namespace Kansa.Api;

/// <summary>What every workflow endpoint needs: the person of the request, and lenient reading of optional fields.</summary>
public static class ApiStaff
{
    /// <summary>Runs the action for the signed-in person; 401 when the account is gone.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The action comes last so that it reads as the body of the endpoint.")]
    public static async Task<IResult> RunAsync(CurrentStaff staff, CancellationToken ct, Func<StaffUser, Task<IResult>> action)
    {
        var user = await staff.GetAsync(ct);
        return user is null ? TypedResults.Unauthorized() : await action(user);
    }

    /// <summary>
    /// A JSON body that may be absent (submit and approve need none): an empty body reads as the default.
    /// Malformed JSON is a Japanese 400 rather than the framework's English one.
    /// </summary>
    public static async Task<(T? Body, IResult? Error)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return (null, null);
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(ct), null);
        }
        catch (JsonException)
        {
            return (null, ApiResults.Problem(OutcomeKind.Invalid, [new Problem("", "本文を JSON として読めません。")]));
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

    /// <summary>Reads a date written YYYY-MM-DD; null when absent; a malformed one is a problem naming the field.</summary>
    public static bool TryDate(string field, string? text, out DateOnly? date, out IResult? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        error = ApiResults.Problem(OutcomeKind.Invalid, [new Problem(field, $"{field}: 日付は YYYY-MM-DD の形で書いてください (例 2025-12-01)。")]);
        return false;
    }
}
