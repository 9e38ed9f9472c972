using Kansa.OpenData;
using Kansa.Hosting;
using Kansa.Calendar;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kansa.Caching;

/// <summary>Settings of the public page cache (section <c>Kansa:PublicCache</c>).</summary>
public sealed class PublicCacheSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "Kansa:PublicCache";

    /// <summary>Off only to measure the pages without it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory for the kept responses, all encodings together.</summary>
    public int SizeMegabytes { get; set; } = 128;

    /// <summary>A larger response is sent as it is rendered and not kept.</summary>
    public int EntryMegabytes { get; set; } = 16;

    /// <summary>The default: the data version is asked of the database for every request (coalesced), see <see cref="DataVersion"/>.</summary>
    public const string Probe = "probe";

    /// <summary>PostgreSQL only: the version is kept in memory and asked again after a NOTIFY, see <see cref="DataVersion"/>.</summary>
    public const string Notify = "notify";

    /// <summary><see cref="Probe"/> or <see cref="Notify"/>.</summary>
    public string Coherence { get; set; } = Probe;
}

/// <summary>
/// The public pages and downloads, kept as bytes until the data changes. A request is answered from memory when the
/// kept copy was rendered at the current <see cref="DataVersion"/> (checked on every request, so a change made through
/// another instance or the command line is seen at once) and on the same day in Japan (pages date things by the clock).
/// Answers carry a content ETag (If-None-Match gives 304) and are kept compressed (gzip, Brotli) for text.
/// Only anonymous requests are served or stored: a signed-in person, a personal token, anything that sets a cookie or
/// carries an antiforgery token goes through the app every time and is marked <c>no-store</c>.
/// </summary>
public sealed class PublicCache(DataVersion version, TimeProvider time, IOptions<PublicCacheSettings> options) : IDisposable
{
    /// <summary>Says whether the answer came from memory (hit), was rendered and kept (miss) or was not for keeping.</summary>
    public const string StatusHeader = "X-Kansa-Cache";

    private readonly PublicCacheSettings settings = options.Value;
    private readonly MemoryCache store = new(new MemoryCacheOptions { SizeLimit = (long)options.Value.SizeMegabytes * 1024 * 1024 });

    /// <summary>The public addresses: the portal, audits and findings, open data and the feed.</summary>
    public static bool IsPublicPath(PathString path) =>
        path == "/" || path.StartsWithSegments("/audits") || path.StartsWithSegments("/findings")
        || path.StartsWithSegments("/open-data") || path.StartsWithSegments(PublicSite.FeedPath);

    /// <summary>A request that says nothing about who sends it: no token, no sign-in cookie (nor its two-factor steps).</summary>
    public static bool IsAnonymous(HttpRequest request) =>
        !request.Headers.ContainsKey(HeaderNames.Authorization)
        && !request.Cookies.Keys.Any(k => k.StartsWith("kansa", StringComparison.Ordinal) || k.StartsWith("Identity.", StringComparison.Ordinal));

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var get = HttpMethods.IsGet(request.Method);
        if (!settings.Enabled || !(get || HttpMethods.IsHead(request.Method)) || !IsPublicPath(request.Path) || !IsAnonymous(request))
        {
            context.Response.OnStarting(NoStoreForPeople, context);
            try
            {
                await next(context);
            }
            finally
            {
                // A request that may have changed data: this instance asks the database again at once, notice or not.
                if (!get && !HttpMethods.IsHead(request.Method))
                {
                    version.Invalidate();
                }
            }

            return;
        }

        string current;
        try
        {
            current = await version.CurrentAsync();
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The database cannot be read: the page itself says so (the error page), nothing is kept.
            await next(context);
            return;
        }

        var key = string.Concat(current, "|", WarekiDate.DayInJapan(time.GetUtcNow()).DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", request.Path.Value, request.QueryString.Value);
        if (store.TryGetValue(key, out PublicCacheEntry? kept) && kept is not null)
        {
            context.Response.Headers[StatusHeader] = "hit";
            await WriteAsync(context, kept);
            return;
        }

        if (!get)
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        var capture = new CaptureStream(body, settings.EntryMegabytes * 1024 * 1024);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (capture.Overflowed)
        {
            return;
        }

        var entry = Keepable(context, capture.Captured);
        if (entry is null)
        {
            context.Response.Headers[StatusHeader] = "pass";
            await capture.ReleaseAsync(context.RequestAborted);
            return;
        }

        store.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Size, SlidingExpiration = TimeSpan.FromMinutes(30) });
        context.Response.Clear();
        context.Response.Headers[StatusHeader] = "miss";
        await WriteAsync(context, entry);
    }

    /// <inheritdoc />
    public void Dispose() => store.Dispose();

    // What was rendered for an anonymous visitor, with nothing of a person in it: a plain 200 page or file.
    private static PublicCacheEntry? Keepable(HttpContext context, byte[] body)
    {
        var response = context.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || context.User.Identity?.IsAuthenticated == true
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.ContainsKey(HeaderNames.ContentEncoding)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(response.ContentType)
            || body.AsSpan().IndexOf("__RequestVerificationToken"u8) >= 0)
        {
            return null;
        }

        var disposition = response.Headers.ContentDisposition.ToString();
        return PublicCacheEntry.Create(body, response.ContentType, disposition.Length == 0 ? null : disposition);
    }

    private static async Task WriteAsync(HttpContext context, PublicCacheEntry entry)
    {
        var response = context.Response;
        var encoding = Choose(context.Request, entry);
        response.Headers.ETag = entry.ETag(encoding);
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        // Any cache may keep the page, but must ask again each time (ETag): a change shows at once everywhere.
        response.Headers.CacheControl = "public, no-cache";
        if (entry.IsMatchedBy(context.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var bytes = encoding switch { "br" => entry.Brotli!, "gzip" => entry.Gzip!, _ => entry.Identity };
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = entry.ContentType;
        if (entry.Disposition is not null)
        {
            response.Headers.ContentDisposition = entry.Disposition;
        }

        if (encoding.Length > 0)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    // Brotli, else gzip, when the client accepts it (q > 0) and the entry has it; else the bytes as they are.
    private static string Choose(HttpRequest request, PublicCacheEntry entry)
    {
        if (entry.Gzip is null)
        {
            return "";
        }

        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : "";
    }

    // Pages for a signed-in person (their name, their menu) and everything under /staff, /account and /api are never kept
    // by a browser or a proxy; static assets (styles, scripts, images) keep whatever they had.
    private static Task NoStoreForPeople(object state)
    {
        var context = (HttpContext)state;
        var response = context.Response;
        var personal = context.User.Identity?.IsAuthenticated == true
            || context.Request.Path.StartsWithSegments("/staff") || context.Request.Path.StartsWithSegments("/account")
            || context.Request.Path.StartsWithSegments("/api");
        var media = response.ContentType ?? "";
        var asset = media.StartsWith("text/css", StringComparison.OrdinalIgnoreCase) || media.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || media.StartsWith("font/", StringComparison.OrdinalIgnoreCase) || media.Contains("javascript", StringComparison.OrdinalIgnoreCase);
        if (personal && !asset)
        {
            response.Headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}

/// <summary>Registers the public page cache.</summary>
public static class PublicCacheServices
{
    /// <summary>Adds the cache, the data version probe and the plain connections they use.</summary>
    public static IServiceCollection AddKansaPublicCache(this IServiceCollection services, IConfiguration configuration, Storage.DatabaseTarget target)
    {
        services.Configure<PublicCacheSettings>(configuration.GetSection(PublicCacheSettings.Section));
        services.AddSingleton(_ => new SharedConnections(target));
        services.AddSingleton<DataVersion>();
        services.AddSingleton<PublicCache>();
        return services;
    }

    /// <summary>Answers public requests from the cache; placed after the proxy and security headers, before everything else.</summary>
    public static IApplicationBuilder UseKansaPublicCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<PublicCache>();
        return app.Use((context, next) => cache.InvokeAsync(context, next));
    }
}
