using Kansa.Evidence;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>Evidence files: upload to a response, authorized download (logged).</summary>
public static class EvidenceApi
{
    /// <summary>Maps POST /api/v1/responses/{id}/evidence and GET /api/v1/evidence/{id}.</summary>
    public static WebApplication MapEvidenceApi(this WebApplication app)
    {
        // Multipart is read by hand: the API is for token clients (and same-site cookie clients: the cookie is
        // SameSite=Strict), so minimal APIs' form antiforgery, which needs its middleware, is not used here.
        app.MapPost("/api/v1/responses/{id:int}/evidence", async (int id, HttpRequest request, CurrentStaff staff, AttachEvidence attach, CancellationToken ct) =>
        {
            var user = await staff.GetAsync(ct);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            if (!request.HasFormContentType)
            {
                return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("file", "ファイル: multipart/form-data の file 欄でファイルを送ってください。")]);
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("file", "ファイル: 添付するファイルを選んでください。")]);
            }

            await using var stream = file.OpenReadStream();
            var outcome = await attach.RunAsync(user, id, file.FileName, file.Length, stream, ct);
            return outcome.ToCreated(e => e);
        }).RequireAuthorization(AccountServices.TokenStaff).DisableAntiforgery();

        app.MapGet("/api/v1/evidence/{id:int}", async (int id, HttpContext context, CurrentStaff staff, DownloadEvidence download, CancellationToken ct) =>
        {
            var user = await staff.GetAsync(ct);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            var outcome = await download.RunAsync(user, id, ct);
            if (!outcome.Succeeded)
            {
                return ApiResults.Problem(outcome.Kind, outcome.Problems);
            }

            // Always a download, never rendered: an uploaded file must not run as a page of this site.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            var file = outcome.Value;
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(AccountServices.Staff);
        return app;
    }
}
