using Kansa.Responses;
using Kansa.Web;

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
            ApiStaff.RunAsync(staff, ct, async user =>
                !ApiStaff.TryDate("dueDate", body.DueDate, out var due, out var error) ? error!
                    : (await use.RunAsync(user, number, audit, due, body.Note, ct)).ToHttp(Json, StatusCodes.Status201Created)))
            .RequireAuthorization(AccountServices.Coordinators);

        api.MapPost("/requests/{id:int}/due-date", (int id, DueDateBody body, CurrentStaff staff, MoveDueDate use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user =>
                !ApiStaff.TryDate("dueDate", body.DueDate, out var due, out var error) ? error!
                    : (await use.RunAsync(user, id, due, body.Reason, ct)).ToHttp(Json)))
            .RequireAuthorization(AccountServices.Coordinators);

        api.MapPost("/findings/{number}/responses", (string number, string? audit, ResponseBody body, CurrentStaff staff, DraftResponse use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user =>
                (await use.RunAsync(user, number, audit, body.Status, body.Content, ct)).ToHttp(Json, StatusCodes.Status201Created)));

        api.MapGet("/responses/{id:int}", (int id, CurrentStaff staff, LoadResponse use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user => (await use.RunAsync(user, id, ct)).ToHttp(Json)));

        api.MapPut("/responses/{id:int}", (int id, ResponseBody body, CurrentStaff staff, EditResponse use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user =>
                !ApiStaff.TryVersion(body.Version, out var version, out var error) ? error!
                    : (await use.RunAsync(user, id, body.Status, body.Content, version, ct)).ToHttp(Json)));

        api.MapPost("/responses/{id:int}/submit", (int id, HttpRequest request, CurrentStaff staff, SubmitResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, version, ct)));

        api.MapPost("/responses/{id:int}/approve", (int id, HttpRequest request, CurrentStaff staff, ApproveResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, version, ct)));

        api.MapPost("/responses/{id:int}/return", (int id, HttpRequest request, CurrentStaff staff, ReturnResponse use, CancellationToken ct) =>
            StepAsync(request, staff, ct, (user, body, version) => use.RunAsync(user, id, body?.Comment, version, ct)));

        api.MapPost("/responses/{id:int}/corrections", (int id, CorrectionBody body, CurrentStaff staff, CorrectPublishedResponse use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user =>
                !ApiStaff.TryVersion(body.Version, out var version, out var error) ? error!
                    : (await use.RunAsync(user, id, body.Content, body.Reason, version, ct)).ToHttp(Json, StatusCodes.Status201Created)));
        return app;
    }

    /// <summary>The JSON of a response: every response object carries id, number, stage, status, state, content, version, steps.</summary>
    public static object Json(ResponseView r) => new
    {
        id = r.Id,
        audit = r.AuditKey,
        number = r.Number,
        stage = r.Stage.Code(),
        status = r.Status,
        state = r.State.Code(),
        content = r.Content,
        version = r.Version,
        roundId = r.RoundId,
        createdBy = r.CreatedBy,
        createdAt = r.CreatedAt,
        steps = r.Steps.Select(s => new { action = s.Action, by = s.By, at = s.At, comment = s.Comment, status = s.Word, content = s.Content }),
    };

    private static object Json(RequestView r) => new
    {
        id = r.Id,
        number = r.Number,
        dueDate = r.DueDate,
        originalDueDate = r.OriginalDueDate,
        note = r.Note,
        requestedBy = r.RequestedBy,
        requestedAt = r.RequestedAt,
        dueDateChanges = r.Changes.Select(c => new { from = c.From, to = c.To, reason = c.Reason, changedBy = c.ChangedBy, changedAt = c.ChangedAt }),
    };

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The action comes last so that it reads as the body of the endpoint.")]
    private static Task<IResult> StepAsync(HttpRequest request, CurrentStaff staff, CancellationToken ct, Func<Accounts.StaffUser, StepBody?, Guid?, Task<Outcome<ResponseView>>> step) =>
        ApiStaff.RunAsync(staff, ct, async user =>
        {
            var (body, error) = await ApiStaff.ReadOptionalAsync<StepBody>(request, ct);
            if (error is not null)
            {
                return error;
            }

            return !ApiStaff.TryVersion(body?.Version, out var version, out var versionError) ? versionError!
                : (await step(user, body, version)).ToHttp(Json);
        });
}
