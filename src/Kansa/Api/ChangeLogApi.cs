using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>The change log for admins and auditors, filtered and paged.</summary>
public static class ChangeLogApi
{
    /// <summary>Maps GET /api/v1/change-log.</summary>
    public static WebApplication MapChangeLogApi(this WebApplication app)
    {
        app.MapGet("/api/v1/change-log", async (string? actor, string? action, string? entityType, string? from, string? to, int? page, int? pageSize, SearchChangeLog search, CancellationToken ct) =>
        {
            var problems = new List<Problem>();
            var fromDay = ParseDay(from, "from", "開始日", problems);
            var toDay = ParseDay(to, "to", "終了日", problems);
            if (problems.Count > 0)
            {
                return ApiResults.Problem(OutcomeKind.Invalid, problems);
            }

            var found = await search.RunAsync(new ChangeLogFilter(actor, action, entityType, fromDay, toDay), page ?? 1, pageSize ?? 50, ct);
            return found.ToHttp(result => new ChangeLogJson(result.Total, result.Page, result.PageSize, result.Pages, result.Lines));
        }).RequireAuthorization(AccountServices.ChangeLogReaders);
        return app;
    }

    /// <summary>A day as yyyy-MM-dd, or a problem naming the field.</summary>
    public static DateOnly? ParseDay(string? value, string field, string label, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (YearMonth.TryParseIsoDate(value, out var day, out var reason))
        {
            return day;
        }

        problems.Add(new Problem(field, $"{label}: 「{(value.Length > 40 ? value[..40] + "…" : value)}」を日付として読めません。{reason}。"));
        return null;
    }
}

/// <summary>A page of the change log as the API answers it.</summary>
public sealed record ChangeLogJson(int Total, int Page, int PageSize, int Pages, IReadOnlyList<ChangeLine> Lines);
