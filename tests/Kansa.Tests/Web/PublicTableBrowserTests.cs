using Kansa.Findings;
using Kansa.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Web;

/// <summary>
/// The demo plus an audit whose rows squeeze a table (R5-意-10 published in 令和6年10月, three departments, a long
/// title), served on SQLite and read in Debian's Chromium.
/// </summary>
public sealed class PublicTableSite : IAsyncLifetime
{
    /// <summary>The extra audit.</summary>
    public const string Key = "R5-行政監査";

    private IPlaywright? playwright;
    private IBrowser? browser;
    private Site? site;

    /// <summary>The served site.</summary>
    public Site Site => site ?? throw new InvalidOperationException("not started");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var dir = new TempDir();
        var longTitle = "<p>公共施設予約システムにおける利用者の個人情報の管理と外部委託先に対する情報セキュリティ監査の条項の整備について</p> <p>本文です。</p>";
        var sample = dir.Write("r5-gyosei.txt", ReportText.Document(
            [
                ReportText.Row("R5-指-1", "指摘", "措置を行わない (R7.8)", department: "緑区役所地域振興課、子育て給付課", content: longTitle),
                ReportText.Row("R5-意-10", "意見", "対応済 (R6.10)", pages: "P120~121", department: "緑区役所地域振興課、子育て給付課、資産税課", content: longTitle),
            ],
            ReportText.Summary(0, 2, 1, 11),
            title: "令和5年度行政監査の結果に対する対応状況(令和7年8月現在)",
            theme: "テーマ「情報システムの調達及び運用に係る財務事務の執行について」"));
        site = await Site.StartAsync("sqlite", [.. TestPaths.DemoSamples, sample]);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page of the given viewport width.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> PageAsync(int width)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.Host.Address.ToString(),
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return (context, await context.NewPageAsync());
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

/// <summary>The public tables in a real browser at a desktop (1280 px) and a phone (390 px) width, on screen and on paper.</summary>
public class PublicTableBrowserTests(PublicTableSite sample, ITestOutputHelper output) : IClassFixture<PublicTableSite>
{
    public static TheoryData<int> Widths => new() { 1280, 390 };

    private static string[] Pages =>
        ["/", Audit(PublicTableSite.Key), Audit(PublicTableSite.Key, Q("Query.Unpublished", "list")), Finding(PublicTableSite.Key, "R5-意-10"), Audit(R5), Finding(R5, "R5-指-5")];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task No_table_makes_the_page_scroll_sideways(int width)
    {
        var (context, page) = await sample.PageAsync(width);
        await using var _ = context;

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            var (scroll, inner) = await WidthsAsync(page);
            Assert.True(scroll <= inner, $"{path} at {width}px: the page is {scroll}px wide in a {inner}px window");

            // Each table stays inside its box: either it fits, or the box scrolls (the page does not).
            var boxes = await page.EvaluateAsync<int[][]>(
                "() => [...document.querySelectorAll('.table-scroll')].map(b => [Math.round(b.getBoundingClientRect().right), b.clientWidth, b.scrollWidth])");
            Assert.All(boxes, b => Assert.True(b[0] <= inner, $"{path}: a table box ends at {b[0]}px"));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Number_category_status_and_month_are_one_line_each(int width)
    {
        var (context, page) = await sample.PageAsync(width);
        await using var _ = context;
        await page.GotoAsync(Audit(PublicTableSite.Key));

        var row = page.Locator("table.findings tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "R5-意-10", Exact = true }) });
        var cells = row.Locator("td");
        Assert.Equal(["R5-意-10", "意見", "対応済", "令和6年10月"],
            [await cells.Nth(0).InnerTextAsync(), await cells.Nth(1).InnerTextAsync(), (await cells.Nth(4).InnerTextAsync()).Trim(), await cells.Nth(5).InnerTextAsync()]);
        foreach (var index in new[] { 0, 1, 4, 5 })
        {
            // The height of the cell's content (not of the cell, which a taller neighbour stretches) against one line.
            var lines = await cells.Nth(index).EvaluateAsync<double>(
                """
                td => {
                  const range = document.createRange();
                  range.selectNodeContents(td);
                  return range.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight);
                }
                """);
            output.WriteLine($"{width}px, cell {index}: {lines:0.00} lines");
            Assert.True(lines < 1.5, $"cell {index} of R5-意-10 at {width}px takes {lines:0.00} lines");
        }

        // The same on the finding page's history and in the unpublished rows behind their line.
        await page.GotoAsync(Finding(PublicTableSite.Key, "R5-意-10"));
        var month = page.Locator("table.history tbody td").First;
        Assert.Equal("令和6年10月", await month.InnerTextAsync());
        Assert.True(await month.EvaluateAsync<double>("td => { const r = document.createRange(); r.selectNodeContents(td); return r.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight); }") < 1.5);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Below_40rem_each_row_is_a_card_of_labelled_values(int width)
    {
        var (context, page) = await sample.PageAsync(width);
        await using var _ = context;

        foreach (var (path, table) in new[] { (Audit(PublicTableSite.Key), "table.findings"), ("/", "table.audits"), (Finding(PublicTableSite.Key, "R5-意-10"), "table.history") })
        {
            await page.GotoAsync(path);
            var row = page.Locator($"{table} tbody tr").First;
            var display = await row.EvaluateAsync<string>("tr => getComputedStyle(tr).display");
            var label = await row.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
            var header = await page.Locator($"{table} thead").First.EvaluateAsync<double[]>("t => { const r = t.getBoundingClientRect(); return [r.width, r.height]; }");
            if (width < 640)
            {
                Assert.Equal("block", display);
                Assert.Equal($"\"{await row.Locator("td").First.GetAttributeAsync("data-label")}\"", label);
                Assert.True(header[0] <= 1 && header[1] <= 1, $"{path}: the header row is still visible ({header[0]}x{header[1]})");
            }
            else
            {
                Assert.Equal("table-row", display);
                Assert.Equal("none", label);
                Assert.True(header[1] > 10, $"{path}: no header row at {width}px");
            }
        }

        // The cards are still a table to assistive technology: the header cells stay in the accessibility tree.
        await page.GotoAsync(Audit(PublicTableSite.Key));
        Assert.True(await page.GetByRole(AriaRole.Columnheader, new() { Name = "対応区分" }).First.CountAsync() == 1);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_public_pages_have_no_WCAG_A_or_AA_violations(int width)
    {
        var (context, page) = await sample.PageAsync(width);
        await using var _ = context;

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // Open the collapsed lines too, so that the rows behind them are checked as well.
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            var result = await BrowserTests.RunAxeAsync(page);

            output.WriteLine($"{path} at {width}px: axe passed {result.Passes} rules, {result.Violations.Count} violations");
            Assert.True(result.Passes >= 5, $"axe checked only {result.Passes} rules");
            Assert.True(result.Violations.Count == 0, $"{path} at {width}px:\n" + string.Join('\n', result.Violations.Select(v =>
                $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        }
    }

    [Fact]
    public async Task The_collapsed_line_opens_with_the_keyboard_without_JavaScript()
    {
        var (context, page) = await sample.PageAsync(1280);
        await using var _ = context;
        await page.GotoAsync(Audit(PublicTableSite.Key));

        var summary = page.Locator("details.unpublished-group summary").Last;
        await Assertions.Expect(summary).ToHaveTextAsync("未公表の意見 11 件: R5-意-1, R5-意-2, R5-意-3, R5-意-4, R5-意-5, R5-意-6, R5-意-7, R5-意-8, R5-意-9, R5-意-11, R5-意-12");
        var hidden = page.GetByRole(AriaRole.Link, new() { Name = "R5-意-9", Exact = true });
        await Assertions.Expect(hidden).ToBeHiddenAsync();
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(hidden).ToBeVisibleAsync();
    }

    /// <summary>A desktop window, and the printable width of A4 portrait with 15 mm margins at 96 dpi (what a phone prints on too).</summary>
    public static TheoryData<int> PaperWidths => new() { 1280, 680 };

    [Theory]
    [MemberData(nameof(PaperWidths))]
    public async Task On_paper_the_pages_have_no_navigation_filters_or_buttons_and_whole_tables(int width)
    {
        var (context, page) = await sample.PageAsync(width);
        await using var _ = context;
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);

            var shown = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('.skip-link, header nav, nav.breadcrumbs, form.filters, button, .button, ul.downloads')]
                  .filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)
                  .map(e => e.tagName + '.' + e.className)
                """);
            Assert.True(shown.Length == 0, $"{path} on paper shows: {string.Join(", ", shown)}");

            // Tables are printed whole: no scroll box cuts them, and never as cards.
            var tables = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('main table')].map(t => {
                  const box = t.parentElement;
                  return [getComputedStyle(box).overflowX, getComputedStyle(t).display, box.scrollWidth <= box.clientWidth + 1].join(' ');
                })
                """);
            Assert.All(tables, t => Assert.Equal("visible table true", t));

            // Links keep their text.
            var links = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main a')].filter(a => a.innerText.trim().length > 0 && getComputedStyle(a).display !== 'none').length");
            Assert.True(links > 0 || path == Finding(PublicTableSite.Key, "R5-意-10"), $"{path}: no link text on paper");
        }

        // On screen, the same page has its navigation and filters.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(Audit(PublicTableSite.Key));
        await Assertions.Expect(page.Locator("form.filters")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "パンくずリスト" })).ToBeVisibleAsync();
    }

    private static async Task<(int Scroll, int Inner)> WidthsAsync(IPage page)
    {
        var w = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (w[0], w[1]);
    }
}
