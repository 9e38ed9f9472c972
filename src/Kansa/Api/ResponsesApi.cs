using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;

namespace Kansa.Api;

/// <summary>The response lifecycle over HTTP: requests, drafts, submission, approval, return, corrections.</summary>
public static class ResponsesApi
{
    /// <summary>A request for a response.</summary>
    public sealed record RequestBody(string? DueDate, string? Note);

    /// <summary>A due-date move.</summary>
    public sealed record DueDateBody(string? DueDate, string? Reason);

    /// <summary>A draft or an edit.</summary>
    public sealed record ResponseBody(string? Status, string? Content, string? Version);

    /// <summary>A workflow step: the version read, and a return's comment.</summary>
    public sealed record StepBody(string? Version, string? Comment);

    /// <summary>A correction of a published text.</summary>
    public sealed record CorrectionBody(string? Content, string? Reason, string? Version);

    /// <summary>Maps /api/v1/findings/{number}/requests, /responses and /api/v1/responses/….</summary>
    public static WebApplication MapResponsesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccountServices.Staff);

        api.MapPost("/findings/{number}/requests", (string number, string? audit, RequestBody body, CurrentStaff staff, RequestResponse use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                !ApiStaff.TryDate("dueDate", body.DueDate, out var due, out var error) ? error!
                    : (await use.RunAsync(user, number, audit, due, body.Note, ct)).ToCreated(Json), ct))
            .RequireAuthorization(AccountServices.Coordinators);

        api.MapPost("/requests/{id:int}/due-date", (int id, DueDateBody body, CurrentStaff staff, MoveDueDate use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                !ApiStaff.TryDate("dueDate", body.DueDate, out var due, out var error) ? error!
                    : (await use.RunAsync(user, id, due, body.Reason, ct)).ToHttp(Json), ct))
            .RequireAuthorization(AccountServices.Coordinators);

        api.MapPost("/findings/{number}/responses", (string number, string? audit, ResponseBody body, CurrentStaff staff, DraftResponse use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                (await use.RunAsync(user, number, audit, body.Status, body.Content, ct)).ToCreated(Json), ct));

        api.MapGet("/responses/{id:int}", (int id, CurrentStaff staff, LoadResponse use, CancellationToken ct) =>
            staff.AsStaffAsync(async user => (await use.RunAsync(user, id, ct)).ToHttp(Json), ct));

        api.MapPut("/responses/{id:int}", (int id, ResponseBody body, CurrentStaff staff, EditResponse use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                !ApiStaff.TryVersion(body.Version, out var version, out var error) ? error!
                    : (await use.RunAsync(user, id, body.Status, body.Content, version, ct)).ToHttp(Json), ct));

        api.MapPost("/responses/{id:int}/submit", (int id, HttpRequest request, CurrentStaff staff, SubmitResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, version, ct)));

        api.MapPost("/responses/{id:int}/approve", (int id, HttpRequest request, CurrentStaff staff, ApproveResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, version, ct)));

        api.MapPost("/responses/{id:int}/return", (int id, HttpRequest request, CurrentStaff staff, ReturnResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, body?.Comment, version, ct)));

        api.MapPost("/responses/{id:int}/corrections", (int id, CorrectionBody body, CurrentStaff staff, CorrectPublishedResponse use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
                !ApiStaff.TryVersion(body.Version, out var version, out var error) ? error!
                    : (await use.RunAsync(user, id, body.Content, body.Reason, version, ct)).ToCreated(Json), ct));
        return app;
    }

    /// <summary>The JSON of a response: every response object carries id, number, stage, status, state, content, version, steps.</summary>
    public static ResponseJson Json(ResponseView r) => new(
        r.Id, r.AuditKey, r.Number, r.Stage.Code(), r.Status, r.State.Code(), r.Content, r.Version, r.RoundId, r.CreatedBy, r.CreatedAt,
        [.. r.Steps.Select(s => new ResponseStepJson(s.Action, s.By, s.At, s.Comment, s.Word, s.Content))]);

    private static RequestJson Json(RequestView r) =>
        new(r.Id, r.Number, r.DueDate, r.OriginalDueDate, r.Note, r.RequestedBy, r.RequestedAt, r.Changes);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The action comes last so that it reads as the body of the endpoint.")]
    private static Task<IResult> StepAsync(HttpRequest request, CurrentStaff staff, CancellationToken ct, Func<Accounts.StaffUser, StepBody?, Guid?, Task<Outcome<ResponseView>>> step) =>
        staff.AsStaffAsync(async user =>
        {
            var (body, error) = await ApiStaff.ReadOptionalAsync<StepBody>(request, ct);
            if (error is not null)
            {
                return error;
            }

            return !ApiStaff.TryVersion(body?.Version, out var version, out var versionError) ? versionError!
                : (await step(user, body, version)).ToHttp(Json);
        }, ct);
}

/// <summary>A response as the API answers it.</summary>
public sealed record ResponseJson(
    int Id,
    string Audit,
    string Number,
    string Stage,
    string Status,
    string State,
    string Content,
    Guid Version,
    int? RoundId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ResponseStepJson> Steps);

/// <summary>One step of a response; "status" is the word the step saved.</summary>
public sealed record ResponseStepJson(string Action, string By, DateTimeOffset At, string? Comment, string? Status, string? Content);

/// <summary>A request for a response as the API answers it, with every move of its due date.</summary>
public sealed record RequestJson(
    int Id, string Number, DateOnly DueDate, DateOnly OriginalDueDate, string? Note, string RequestedBy, DateTimeOffset RequestedAt,
    IReadOnlyList<DueDateChangeView> DueDateChanges);
