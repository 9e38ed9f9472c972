using System.Globalization;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;
using Kansa.WorkList;

namespace Kansa.Api;

/// <summary>/api/v1/staff/findings: the staff work list, and the coordinator's request to many findings at once.</summary>
public static class StaffFindingsApi
{
    /// <summary>A bulk request: finding ids from the work list, one due date (YYYY-MM-DD), one note.</summary>
    public sealed record BulkRequestBody(IReadOnlyList<int>? Findings, string? DueDate, string? Note);

    /// <summary>Maps the endpoints.</summary>
    public static WebApplication MapStaffFindingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/staff/findings").RequireAuthorization(AccountServices.Staff);

        // Every filter is read as text so that a malformed one gets a Japanese problem naming it, never the framework's.
        api.MapGet("", (string? audit, string? department, string? stage, string? due, string? overdue, string? number, string? page, CurrentStaff staff, ListWorkItems use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
            {
                var problems = new List<Problem>();
                int? departmentId = ReadInt("department", department, problems);
                var pageNumber = ReadInt("page", page, problems) ?? 1;
                var stageFilter = WorkStages.Parse(stage);
                if (!string.IsNullOrWhiteSpace(stage) && stageFilter is null)
                {
                    problems.Add(new Problem("stage", $"stage: 「{stage}」はありません ({string.Join("、", WorkStages.All.Select(s => s.Code()))} のどれか)。"));
                }

                bool overdueOnly = false;
                if (!string.IsNullOrWhiteSpace(overdue) && !bool.TryParse(overdue, out overdueOnly))
                {
                    problems.Add(new Problem("overdue", "overdue: true か false で指定してください。"));
                }

                if (!ApiStaff.TryDate("due", due, out var dueBy, out var dateError))
                {
                    return dateError!;
                }

                if (problems.Count > 0)
                {
                    return ApiResults.Problem(OutcomeKind.Invalid, problems);
                }

                var filter = new WorkListFilter(audit, departmentId, stageFilter, dueBy, overdueOnly, number, pageNumber);
                return (await use.RunAsync(user, filter, ct)).ToHttp(ToJson);
            }, ct));

        api.MapPost("/requests", (BulkRequestBody body, CurrentStaff staff, RequestResponses use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                !ApiStaff.TryDate("dueDate", body.DueDate, out var due, out var error) ? error!
                    : (await use.RunAsync(user, body.Findings ?? [], due, body.Note, ct)).ToCreated(ToJson), ct))
            .RequireAuthorization(AccountServices.Coordinators);
        return app;
    }

    /// <summary>The JSON of a page of the work list.</summary>
    public static WorkListJson ToJson(WorkListPage p) => new(
        p.Total, p.Page, p.PageSize, p.PageCount, p.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. p.Items.Select(i => new WorkItemJson(
            i.FindingId, i.AuditKey, i.Number, i.Category.Label(), i.Title, i.Departments, i.Stage.Code(), i.Stage.Label(),
            i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Overdue))]);

    /// <summary>The JSON of the requests made.</summary>
    public static BulkRequestJson ToJson(IReadOnlyList<RequestView> made) => new(
        made.Count,
        [.. made.Select(r => new BulkRequestItemJson(r.Id, r.Number, r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Note, r.RequestedBy))]);

    private static int? ReadInt(string field, string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new Problem(field, $"{field}: 「{text}」は数として読めません。半角の数字で指定してください。"));
        return null;
    }
}

/// <summary>A page of the work list.</summary>
/// <param name="Total">Findings matching the filter.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Findings per page.</param>
/// <param name="Pages">The number of pages.</param>
/// <param name="Today">The day overdue was decided against (Japan).</param>
/// <param name="Items">The findings of this page.</param>
public sealed record WorkListJson(int Total, int Page, int PageSize, int Pages, string Today, IReadOnlyList<WorkItemJson> Items);

/// <summary>A finding in the work list.</summary>
/// <param name="Id">The id the bulk request takes.</param>
/// <param name="Audit">The audit key.</param>
/// <param name="Number">The number.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Title">The title, if registered.</param>
/// <param name="Departments">The departments.</param>
/// <param name="Stage">not_requested, requested, draft, submitted, returned, approved, published.</param>
/// <param name="StageLabel">未依頼, 依頼中, 下書き, 提出済, 差戻し, 承認済, 公表済.</param>
/// <param name="DueDate">The open request's due date, YYYY-MM-DD.</param>
/// <param name="Overdue">Whether it has passed.</param>
public sealed record WorkItemJson(int Id, string Audit, string Number, string Category, string? Title, IReadOnlyList<string> Departments, string Stage, string StageLabel, string? DueDate, bool Overdue);

/// <summary>The requests one bulk request made.</summary>
/// <param name="Count">How many.</param>
/// <param name="Requests">Each request.</param>
public sealed record BulkRequestJson(int Count, IReadOnlyList<BulkRequestItemJson> Requests);

/// <summary>One request made.</summary>
/// <param name="Id">The request id (for due-date moves).</param>
/// <param name="Number">The finding's number.</param>
/// <param name="DueDate">YYYY-MM-DD.</param>
/// <param name="Note">The note.</param>
/// <param name="RequestedBy">Who asked.</param>
public sealed record BulkRequestItemJson(int Id, string Number, string DueDate, string? Note, string RequestedBy);
