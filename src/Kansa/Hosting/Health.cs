using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Hosting;

/// <summary>
/// For a container orchestrator or a load balancer: <c>/healthz</c> says the process answers (restart it when not),
/// <c>/readyz</c> that it can serve (the database answers and has every migration of this version: send it traffic).
/// Anonymous, a few bytes of plain text, never cached.
/// </summary>
public static class Health
{
    /// <summary>Maps both endpoints.</summary>
    public static WebApplication MapKansaHealth(this WebApplication app)
    {
        app.MapGet("/healthz", (HttpContext context) => Answer(context, StatusCodes.Status200OK, "ok")).AllowAnonymous();
        app.MapGet("/readyz", async (HttpContext context, KansaDbContext db, CancellationToken ct) =>
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct))
                {
                    return Answer(context, StatusCodes.Status503ServiceUnavailable, "データベースに接続できません。");
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                return pending == 0
                    ? Answer(context, StatusCodes.Status200OK, "ready")
                    : Answer(context, StatusCodes.Status503ServiceUnavailable, $"データベースの構造が最新ではありません (未適用の変更 {pending} 件)。kansa db migrate を実行してください。");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Answer(context, StatusCodes.Status503ServiceUnavailable, "データベースを読めません。");
            }
        }).AllowAnonymous();
        return app;
    }

    private static IResult Answer(HttpContext context, int status, string text)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(text + "\n", "text/plain; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
