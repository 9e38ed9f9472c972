using System.Globalization;
using Kansa.AuditTrail;
using Kansa.Web;

namespace Kansa.Api;

/// <summary>The audit log for admins and auditors, filtered and paged.</summary>
public static class AuditLogApi
{
    /// <summary>Maps GET /api/v1/audit-log.</summary>
    public static WebApplication MapAuditLogApi(this WebApplication app)
    {
        app.MapGet("/api/v1/audit-log", async (string? actor, string? action, string? entityType, string? from, string? to, int? page, int? pageSize, SearchAuditLog search, CancellationToken ct) =>
        {
            var problems = new List<Problem>();
            var fromDay = ParseDay(from, "from", "開始日", problems);
            var toDay = ParseDay(to, "to", "終了日", problems);
            if (problems.Count > 0)
            {
                return ApiResults.Problem(OutcomeKind.Invalid, problems);
            }

            var result = await search.RunAsync(new AuditLogFilter(actor, action, entityType, fromDay, toDay), page ?? 1, pageSize ?? 50, ct);
            return Results.Ok(new { result.Total, result.Page, result.PageSize, result.Pages, result.Lines });
        }).RequireAuthorization(AccountServices.AuditLogReaders);
        return app;
    }

    /// <summary>A day as yyyy-MM-dd, or a problem naming the field.</summary>
    public static DateOnly? ParseDay(string? value, string field, string label, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new Problem(field, $"{label}: 「{value}」を日付として読めません。2025-11-01 の形で入力してください。"));
        return null;
    }
}
