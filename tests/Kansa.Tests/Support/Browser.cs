using Kansa.OpenData;
using Microsoft.Playwright;

namespace Kansa.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (the NuGet package brings its own driver; no browser is downloaded),
/// with the demo samples served on SQLite.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's Chromium.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;
    private Site? site;

    /// <summary>The served demo, with one more audit that shares the number R5-指-1.</summary>
    public Site Site => site ?? throw new InvalidOperationException("not started");

    /// <summary>The browser.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException("not started");

    /// <summary>axe-core, from npm (tests/Kansa.Tests/package.json), copied to the test output by the build.</summary>
    public static string AxeSource => File.ReadAllText(TestPaths.Output("axe", "axe.min.js"));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"{Chromium} がありません: ./test.sh を root で実行するか、apt-get install chromium fonts-ipaexfont でインストールしてください");
        }

        using var dir = new TempDir();
        var other = dir.Write("r5-teiki.txt", ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: "<p>定期監査の指摘の件名</p> <p>本文です。</p>")],
            ReportText.Summary(1, 0, 0, 0),
            title: "令和5年度定期監査の結果に対する対応状況(令和7年8月現在)"));
        site = await Site.StartAsync("sqlite", [.. TestPaths.DemoSamples, other]);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context on the site: Japanese locale, short timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.Host.Address.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }
}

/// <summary>What went wrong while a page loaded: console errors (CSP violations among them) and failed requests.</summary>
public sealed class PageProblems
{
    private readonly List<string> problems = [];

    private PageProblems()
    {
    }

    /// <summary>The problems seen so far.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>Starts watching a page; a response with <paramref name="allowedStatus"/> for the page itself is not a problem.</summary>
    public static PageProblems Watch(IPage page, int allowedStatus = 200)
    {
        var watch = new PageProblems();
        page.Console += (_, m) =>
        {
            // A page answered with its expected error status is logged as a failed load: that one is expected.
            var isPage = m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && m.Location.StartsWith(page.Url + ":", StringComparison.Ordinal);
            if (m.Type is "error" or "warning" && !(isPage && allowedStatus != 200))
            {
                watch.Add($"console {m.Type}: {m.Text} ({m.Location})");
            }
        };
        page.PageError += (_, e) => watch.Add("page error: " + e);
        page.RequestFailed += (_, r) => watch.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            var isPage = r.Request.ResourceType == "document";
            if (r.Status >= 400 && !(isPage && r.Status == allowedStatus))
            {
                watch.Add($"HTTP {r.Status}: {r.Url}");
            }
        };
        return watch;
    }

    private void Add(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
