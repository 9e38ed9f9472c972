using System.Text.Json;
using System.Text.RegularExpressions;
using Kansa.Evidence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace Kansa.Api;

/// <summary>
/// Every error of every /api/v1 route is a Japanese ProblemDetails JSON: the framework's own refusals (malformed
/// JSON, wrong Content-Type, a body over the limit, an unknown route or method, 401 and 403) have no body of
/// their own, so they are filled in here; a request the framework cannot bind becomes a 400 naming what it
/// could not read, never a 500.
/// </summary>
public static partial class ApiProblems
{
    /// <summary>The largest JSON body the API reads: the longest text field (<see cref="TextLimits.Prose"/>) several times over.</summary>
    public const long MaxJsonBytes = 1024 * 1024;

    /// <summary>Multipart framing around an evidence file (boundaries, part headers).</summary>
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>Makes minimal APIs throw on requests they cannot bind, so that the answer can say what went wrong.</summary>
    public static IServiceCollection AddKansaApiProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Adds the middleware; it must run inside the page error handlers so that API errors never reach them.</summary>
    public static IApplicationBuilder UseKansaApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        LimitBody(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, detail, field) = Describe(e, context);
            if (status >= 500)
            {
                LogFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kansa.Api"), e, context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            await WriteAsync(context, status, detail, field);
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted)
        {
            var status = context.Response.StatusCode;
            if (status == StatusCodes.Status404NotFound && Mismatch(context) is { } mismatch)
            {
                status = mismatch.Status;
                if (status == StatusCodes.Status405MethodNotAllowed)
                {
                    context.Response.Headers.Allow = string.Join(", ", mismatch.Allowed);
                }
            }

            await WriteAsync(context, status, null, null);
        }
    });

    /// <summary>The Japanese title of an error status.</summary>
    public static string Title(int status) => status switch
    {
        400 => "入力に誤りがあります",
        401 => "ログインが必要です",
        403 => "この操作はできません",
        404 => "見つかりません",
        405 => "このメソッドは使えません",
        409 => "ほかの人が先に変更しました",
        413 => "本文が大きすぎます",
        415 => "本文の形式 (Content-Type) が違います",
        429 => "要求が多すぎます",
        >= 500 => "サーバーでエラーが起きました",
        _ => "要求を処理できません",
    };

    private static string DefaultDetail(HttpContext context, int status) => status switch
    {
        401 => "Authorization: Bearer ヘッダーで有効な個人用の API トークンを送ってください。",
        403 => "この操作の権限がありません。",
        404 => $"「{context.Request.Path}」はありません。",
        405 => $"「{context.Request.Path}」では {context.Request.Method} は使えません。",
        413 => "本文が上限を超えています。",
        415 => "本文は Content-Type: application/json の JSON で送ってください。",
        429 => "しばらく待ってから、もう一度お試しください。",
        >= 500 => "時間をおいて、もう一度お試しください。解決しない場合はシステム管理者に連絡してください。",
        _ => "要求を確認してください。",
    };

    // The site's catch-all (MapFallback, Order int.MaxValue) takes every method and content type, so routing never
    // answers 405 or 415 by itself: when it caught a request whose path an API route knows, say why that route refused.
    private static (int Status, List<string> Allowed)? Mismatch(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint { Order: int.MaxValue })
        {
            return null;
        }

        var path = context.Request.Path.Value ?? "";
        var matching = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), []).TryMatch(path, []))
            .ToList();
        var methods = matching.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Distinct(StringComparer.Ordinal).ToList();
        return methods.Count == 0 ? null
            : !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) ? (StatusCodes.Status405MethodNotAllowed, methods)

            // The method fits: the route refused the body's type (a route constraint such as {id:int} stays a 404).
            : context.Request.ContentType is not null && !context.Request.HasJsonContentType() ? (StatusCodes.Status415UnsupportedMediaType, methods)
            : null;
    }

    // A JSON body is small; an evidence upload may be as large as its setting allows, plus the multipart framing.
    private static void LimitBody(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is null || feature.IsReadOnly)
        {
            return;
        }

        var evidence = context.Request.Path.Value?.EndsWith("/evidence", StringComparison.Ordinal) == true;
        feature.MaxRequestBodySize = evidence
            ? context.RequestServices.GetRequiredService<IOptions<EvidenceSettings>>().Value.MaxBytes + MultipartOverhead
            : MaxJsonBytes;
    }

    private static (int Status, string Detail, string? Field) Describe(Exception e, HttpContext context)
    {
        var json = FindJsonError(e);
        if (json is not null)
        {
            var where = json.LineNumber is { } line ? $" ({line + 1}行目 {json.BytePositionInLine + 1}バイト目付近{PathText(json.Path)})" : "";
            return (400, $"本文を JSON として読めません{where}。JSON の形と各項目の型 (文字列・数値・配列) を確認してください。", Field(json.Path));
        }

        switch (e)
        {
            case BadHttpRequestException bad when bad.StatusCode == 413:
                return (413, $"本文が上限 ({context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize:N0} バイト) を超えています。", null);
            case BadHttpRequestException bad when bad.StatusCode == 415:
                return (415, DefaultDetail(context, 415), null);
            case BadHttpRequestException bad when RequiredBody().IsMatch(bad.Message):
                return (400, "本文がありません。JSON のオブジェクト ({ … }) を送ってください。", null);
            case BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } m:
                var name = m.Groups["name"].Value;
                return (400, $"{name}: 「{Shorten(m.Groups["value"].Value)}」を読めません。値の形 (半角数字・範囲) を確認してください。", name);
            case BadHttpRequestException bad:
                return (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "要求を読めません。本文と引数の形を確認してください。", null);
            case InvalidDataException when context.Request.HasFormContentType:
                // Multipart limits (a part over MultipartBodyLengthLimit) say so with this exception.
                return (413, "送ったファイルまたはフォームが上限を超えています。", null);
            default:
                return (500, DefaultDetail(context, 500), null);
        }
    }

    private static JsonException? FindJsonError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException j)
            {
                return j;
            }
        }

        return null;
    }

    private static string PathText(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "" : $"、項目 {path}";

    private static string? Field(string? path)
    {
        // $.asOf → asOf; $.departments[2] → departments.
        var m = path is null ? null : JsonField().Match(path);
        return m is { Success: true } ? m.Groups[1].Value : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static async Task WriteAsync(HttpContext context, int status, string? detail, string? field)
    {
        var details = new ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = detail ?? DefaultDetail(context, status),
        };
        if (field is { Length: > 0 })
        {
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [details.Detail] };
        }

        if (status == 401 && context.Response.Headers.WWWAuthenticate.Count == 0)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        // Keep the Allow header of a 405: it tells the client which methods exist.
        var allow = context.Response.Headers.Allow;
        context.Response.StatusCode = status;
        context.Response.Headers.Allow = allow;
        var options = context.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
        await context.Response.WriteAsJsonAsync(details, options, "application/problem+json; charset=utf-8", context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);

    [GeneratedRegex(@"^Required parameter ""[^""]*"" was not provided from body")]
    private static partial Regex RequiredBody();

    [GeneratedRegex(@"^Failed to bind parameter ""(?:[^""]*\s)?(?<name>[A-Za-z0-9_]+)"" from ""(?<value>.*)""\.?$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^\$\.([A-Za-z0-9_]+)")]
    private static partial Regex JsonField();
}
