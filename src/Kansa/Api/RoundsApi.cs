using Kansa.Reports;
using Kansa.Responses;
using Kansa.Rounds;
using Kansa.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Api;

/// <summary>Publication rounds over HTTP: open, list, preview in every export format, publish, cancel. Coordinators only.</summary>
public static class RoundsApi
{
    /// <summary>Opening a round.</summary>
    public sealed record RoundBody(string? AsOf);

    /// <summary>Maps /api/v1/rounds….</summary>
    public static WebApplication MapRoundsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/rounds").RequireAuthorization(AccountServices.Coordinators);

        api.MapGet("", async (ListRounds use, CancellationToken ct) =>
        {
            var (rounds, waiting) = await use.RunAsync(ct);
            return TypedResults.Ok(new RoundListJson(waiting, [.. rounds.Select(Json)]));
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<RoundJson>, ProblemHttpResult>> (int id, ListRounds use, CancellationToken ct) =>
            await use.FindAsync(id, ct) is { } round ? TypedResults.Ok(Json(round))
                : ApiResults.Problem(OutcomeKind.NotFound, [new Problem("", $"公表の回 {id} はありません。")]));

        api.MapPost("", (RoundBody body, CurrentStaff staff, OpenRound use, CancellationToken ct) =>
            staff.AsStaffAsync(async user => (await use.RunAsync(user, body.AsOf, ct)).ToCreated(Json), ct));

        api.MapGet("/{id:int}/preview", (int id, string? format, string? audit, CurrentStaff staff, PreviewRound use, CancellationToken ct) =>
            staff.AsStaffAsync(async user =>
            {
                var writer = ReportWriters.Find(format ?? "json");
                if (writer is null)
                {
                    return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("format", $"形式: 「{format}」の形式はありません (json、text、csv、xlsx)。")]);
                }

                var preview = await use.RunAsync(user, id, audit, ct);
                if (!preview.Succeeded)
                {
                    return ApiResults.Problem(preview.Kind, preview.Problems);
                }

                using var buffer = new MemoryStream();
                await writer.WriteAsync(preview.Value, buffer, ct);
                return TypedResults.File(buffer.ToArray(), writer.ContentType);
            }, ct));

        api.MapPost("/{id:int}/publish", async (int id, HttpRequest request, CurrentStaff staff, PublishRound use, CancellationToken ct) =>
        {
            // The body is optional: without it, every approved response is published.
            var (body, error) = await ApiStaff.ReadOptionalAsync<PublishRequest>(request, ct);
            return error ?? await staff.AsStaffAsync(async user => (await use.RunAsync(user, id, body?.ResponseIds, ct)).ToHttp(Json), ct);
        });

        api.MapPost("/{id:int}/cancel", async (int id, HttpRequest request, CurrentStaff staff, CancelRound use, CancellationToken ct) =>
        {
            // Read leniently so that a missing body or reason is the same Japanese 400 naming "reason".
            var (body, error) = await ApiStaff.ReadOptionalAsync<CancelRequest>(request, ct);
            return error ?? await staff.AsStaffAsync(async user => (await use.RunAsync(user, id, body?.Reason, ct)).ToHttp(Json), ct);
        });
        return app;
    }

    private static RoundJson Json(RoundView r) => new(
        r.Id, r.AsOf.ToString(), r.Label, r.IsPublished, r.OpenedBy, r.OpenedAt, r.PublishedBy, r.PublishedAt, r.Responses,
        r.IsCancelled, r.CancelledBy, r.CancelledAt, r.CancelReason);
}

/// <summary>Why a coordinator cancels a round.</summary>
/// <param name="Reason">The reason, required.</param>
public sealed record CancelRequest(string? Reason);

/// <summary>What a coordinator publishes: optionally the ids of the responses the preview showed.</summary>
/// <param name="ResponseIds">The previewed responses; publishing is refused if the approved set has changed since.</param>
public sealed record PublishRequest(IReadOnlyList<int>? ResponseIds);

/// <summary>A publication round as the API answers it.</summary>
public sealed record RoundJson(
    int Id,
    string AsOf,
    string Label,
    bool Published,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? PublishedBy,
    DateTimeOffset? PublishedAt,
    int Responses,
    bool Cancelled,
    string? CancelledBy,
    DateTimeOffset? CancelledAt,
    string? CancelReason);

/// <summary>The rounds, newest first, and how many approved responses wait for one.</summary>
public sealed record RoundListJson(int Waiting, IReadOnlyList<RoundJson> Rounds);
