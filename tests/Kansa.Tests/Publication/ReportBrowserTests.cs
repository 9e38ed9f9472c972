using System.Text.Json;
using Kansa.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Publication;

/// <summary>The report page in Debian's Chromium: axe at desktop and phone widths, no page overflow, print layout.</summary>
public class ReportBrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string, int, int> Cases => new()
    {
        { "/audits/" + Uri.EscapeDataString(R5) + "/report", 1280, 200 },
        { "/audits/" + Uri.EscapeDataString(R5) + "/report", 390, 200 },
        { "/audits/" + Uri.EscapeDataString(R4) + "/report?asOf=2024-02", 1280, 200 },
        { "/audits/" + Uri.EscapeDataString(R6) + "/report?asOf=bad", 390, 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_report_page_has_no_WCAG_violations_and_does_not_widen_the_page(string path, int width, int status)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var problems = PageProblems.Watch(page, status);

        var response = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(status, response!.Status);

        // The table scrolls inside its own box; the page itself never scrolls sideways.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} at {width}px: page {widths[0]} wider than {widths[1]}");
        // On screen the heading shows once; the title row for paper stays hidden.
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        Assert.False(await page.Locator(".report-repeat").IsVisibleAsync());

        var result = await RunAxeAsync(page);
        output.WriteLine($"{path} at {width}px: axe passed {result.Passes} rules, {result.Violations.Count} violations");
        Assert.True(result.Passes >= 5, $"axe checked only {result.Passes} rules");
        Assert.True(result.Violations.Count == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));
    }

    [Fact]
    public async Task On_paper_the_title_row_repeats_and_the_site_around_it_is_gone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/audits/" + Uri.EscapeDataString(R5) + "/report");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.True(await page.Locator(".report-repeat").IsVisibleAsync());
        Assert.Equal("table-header-group", await page.Locator(".report-table > thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        foreach (var hidden in (string[])[".site-header", ".site-footer", ".report-actions", ".breadcrumbs", ".report-heading"])
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), hidden + " is printed");
        }
    }

    private static async Task<AxeResult> RunAxeAsync(IPage page)
    {
        // Evaluated through the debugging protocol, which the page's CSP (script-src 'self') does not govern.
        await page.EvaluateAsync(BrowserSite.AxeSource);
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify({
                passes: result.passes.length,
                violations: result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))
              });
            }
            """,
            WcagTags);
        return JsonSerializer.Deserialize<AxeResult>(json, Json)!;
    }

    private sealed record AxeItem(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes);

    private sealed record AxeResult(int Passes, IReadOnlyList<AxeItem> Violations);
}
