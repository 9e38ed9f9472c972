using System.Collections.Concurrent;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kansa.Findings;
using Kansa.Import;

namespace Kansa.Tests.Support;

/// <summary>A database on a real engine with documents imported, served by the real app on Kestrel.</summary>
public sealed class Site : IAsyncDisposable
{
    private static readonly HtmlParser Parser = new();

    private Site(TestDatabase database, WebHost host)
    {
        Database = database;
        Host = host;
    }

    /// <summary>The database.</summary>
    public TestDatabase Database { get; }

    /// <summary>The running app.</summary>
    public WebHost Host { get; }

    /// <summary>A client for the app (no redirects followed silently: none are expected).</summary>
    public HttpClient Client => Host.Client;

    /// <summary>Creates a database on the engine, imports the files and starts the app on it.</summary>
    public static async Task<Site> StartAsync(string engine, IReadOnlyList<string> files)
    {
        var database = await TestDatabase.CreateAsync(engine);
        try
        {
            await using (var context = database.CreateContext())
            {
                var result = await new ImportStatusReports(context, TimeProvider.System).RunAsync(files, dryRun: false, null, CancellationToken.None);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("import failed:\n" + string.Join('\n', result.Problems));
                }
            }

            return new Site(database, await WebHost.StartAsync(database.Target));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The demo samples on the engine.</summary>
    public static Task<Site> DemoAsync(string engine) => StartAsync(engine, TestPaths.DemoSamples);

    /// <summary>Parses HTML the way a browser would.</summary>
    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Gets a page, checks its status and that it is HTML, and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string path, int status = 200)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {path}: {(int)response.StatusCode}, expected {status}\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return Parse(html);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// The demo samples served once per engine for a whole test class: the tests only read, so they can share it.
/// </summary>
public sealed class DemoSites : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Site>>> sites = new(StringComparer.Ordinal);

    /// <summary>The demo site on the engine, started on first use.</summary>
    public Task<Site> ForAsync(string engine) =>
        sites.GetOrAdd(engine, e => new Lazy<Task<Site>>(() => Site.DemoAsync(e))).Value;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var site in sites.Values.Where(s => s.IsValueCreated))
        {
            if (site.Value.IsCompletedSuccessfully)
            {
                await site.Value.Result.DisposeAsync();
            }
        }
    }
}

/// <summary>Paths of the public pages, encoded as the pages write them.</summary>
public static class SitePaths
{
    /// <summary>The demo's audits.</summary>
    public const string R4 = "R4-包括外部監査";

    /// <summary>The demo's FY2023 audit, published twice (令和6年6月 and 令和7年8月).</summary>
    public const string R5 = "R5-包括外部監査";

    /// <summary>The demo's regular audit.</summary>
    public const string R6 = "R6-定期監査";

    /// <summary>/audits/{key}.</summary>
    public static string Audit(string key, string? query = null) =>
        "/audits/" + Uri.EscapeDataString(key) + (query is null ? "" : "?" + query);

    /// <summary>/findings/{number}.</summary>
    public static string Finding(string number) => "/findings/" + Uri.EscapeDataString(number);

    /// <summary>/audits/{key}/findings/{number}.</summary>
    public static string Finding(string key, string number) =>
        "/audits/" + Uri.EscapeDataString(key) + "/findings/" + Uri.EscapeDataString(number);

    /// <summary>/audits/{key}/report.{ext}.</summary>
    public static string Report(string key, string ext, string? asOf = null) =>
        "/audits/" + Uri.EscapeDataString(key) + "/report." + ext + (asOf is null ? "" : "?asOf=" + Uri.EscapeDataString(asOf));

    /// <summary>A query string value, encoded.</summary>
    public static string Q(string name, string value) => name + "=" + Uri.EscapeDataString(value);
}
