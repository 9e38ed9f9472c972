using System.Security.Cryptography;

namespace Kansa.Api;

/// <summary>
/// ETags on every successful GET of /api/v1 and of the OpenAPI document: a hash of the answer's bytes, so that a client
/// that sends it back in If-None-Match gets 304 with no body while nothing changed. The answer depends on who asks
/// (anonymous callers read published data only), so caches are told to keep it apart per caller and to ask again.
/// </summary>
public static class ApiETags
{
    /// <summary>Adds the middleware; it must run inside the API's problem details (after routing and authorization).</summary>
    public static IApplicationBuilder UseKansaApiETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || !(path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi")))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.Headers.ContainsKey("Content-Disposition"))
        {
            var tag = "\"" + Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18]).Replace('+', '-').Replace('/', '_') + "\"";
            context.Response.Headers.ETag = tag;
            context.Response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "no-cache";
            context.Response.Headers.Vary = "Authorization, Cookie";
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*" || t.Trim() == "W/" + tag)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });
}
