using Kansa.Reports;
using Kansa.Rounds;
using Kansa.Web;

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
            return TypedResults.Ok(new { waiting, rounds = rounds.Select(Json) });
        });

        api.MapGet("/{id:int}", async (int id, ListRounds use, CancellationToken ct) =>
            await use.FindAsync(id, ct) is { } round ? TypedResults.Ok(Json(round))
                : ApiResults.Problem(OutcomeKind.NotFound, [new Problem("", $"公表の回 {id} はありません。")]));

        api.MapPost("", (RoundBody body, CurrentStaff staff, OpenRound use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user => (await use.RunAsync(user, body.AsOf, ct)).ToHttp(Json, StatusCodes.Status201Created)));

        api.MapGet("/{id:int}/preview", (int id, string? format, string? audit, CurrentStaff staff, PreviewRound use, CancellationToken ct) =>
            ApiStaff.RunAsync(staff, ct, async user =>
            {
                var writer = ReportWriters.Find(format ?? "json");
                if (writer is null)
                {
                    return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("format", $"format: 「{format}」の形式はありません (json、text、csv、xlsx)。")]);
                }

                var preview = await use.RunAsync(user, id, audit, ct);
                if (!preview.Succeeded)
                {
                    return ApiResults.Problem(preview.Kind, preview.Problems);
                }

                using var buffer = new MemoryStream();
                await writer.WriteAsync(preview.Value, buffer, ct);
                return TypedResults.File(buffer.ToArray(), writer.ContentType);
            }));

        api.MapPost("/{id:int}/publish", async (int id, HttpRequest request, CurrentStaff staff, PublishRound use, CancellationToken ct) =>
        {
            // The body is optional: without it, every approved response is published.
            var (body, error) = await ApiStaff.ReadOptionalAsync<PublishRequest>(request, ct);
            return error ?? await ApiStaff.RunAsync(staff, ct, async user => (await use.RunAsync(user, id, body?.ResponseIds, ct)).ToHttp(Json));
        });

        api.MapPost("/{id:int}/cancel", async (int id, HttpRequest request, CurrentStaff staff, CancelRound use, CancellationToken ct) =>
        {
            // Read leniently so that a missing body or reason is the same Japanese 400 naming "reason".
            var (body, error) = await ApiStaff.ReadOptionalAsync<CancelRequest>(request, ct);
            return error ?? await ApiStaff.RunAsync(staff, ct, async user => (await use.RunAsync(user, id, body?.Reason, ct)).ToHttp(Json));
        });
        return app;
    }

    private static object Json(RoundView r) => new
    {
        id = r.Id,
        asOf = r.AsOf.ToString(),
        label = r.Label,
        published = r.IsPublished,
        openedBy = r.OpenedBy,
        openedAt = r.OpenedAt,
        publishedBy = r.PublishedBy,
        publishedAt = r.PublishedAt,
        responses = r.Responses,
        cancelled = r.IsCancelled,
        cancelledBy = r.CancelledBy,
        cancelledAt = r.CancelledAt,
        cancelReason = r.CancelReason,
    };
}

/// <summary>Why a coordinator cancels a round.</summary>
/// <param name="Reason">The reason, required.</param>
public sealed record CancelRequest(string? Reason);

/// <summary>What a coordinator publishes: optionally the ids of the responses the preview showed.</summary>
/// <param name="ResponseIds">The previewed responses; publishing is refused if the approved set has changed since.</param>
public sealed record PublishRequest(IReadOnlyList<int>? ResponseIds);
