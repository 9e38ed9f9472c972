using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kansa.Findings;
using Kansa.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Web;

/// <summary>The public pages in a real Chromium: styles, the form without JavaScript, navigation, accessibility.</summary>
public partial class BrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    /// <summary>
    /// The axe-core rule tags of WCAG 2.0, 2.1 and 2.2, levels A and AA (JIS X 8341-3 asks for 2.x AA), and axe's best
    /// practices (landmarks, one h1, heading order), which the pages meet too.
    /// </summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_audit_page_is_styled_with_the_design_tokens()
    {
        var tokens = await TokenColoursAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync(Audit(R5));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The tokens file is loaded…
        Assert.Equal(
            tokens["color-primitive-blue-900"],
            Rgb(await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--color-primitive-blue-900').trim()")));

        // …and the site's rules use its colours and type.
        async Task<string> Style(string selector, string property) =>
            await page.Locator(selector).First.EvaluateAsync<string>($"(e) => getComputedStyle(e).{property}");
        Assert.Equal(tokens["color-primitive-blue-900"], await Style(".site-header", "borderBottomColor"));
        Assert.Equal(tokens["color-primitive-blue-900"], await Style("main h2", "borderLeftColor"));
        Assert.Equal(tokens["color-primitive-blue-900"], await Style("button.button", "backgroundColor"));
        Assert.Equal(tokens["color-neutral-solid-gray-900"], await Style("body", "color"));
        Assert.Equal(tokens["color-primitive-blue-50"], await Style("table.findings thead th", "backgroundColor"));
        Assert.StartsWith("\"Noto Sans JP\"", await Style("body", "fontFamily"), StringComparison.Ordinal);
        Assert.Equal("16px", await Style("body", "fontSize"));

        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));
    }

    [Fact]
    public async Task The_filter_form_works_by_clicking_without_JavaScript()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await page.GotoAsync(Audit(R5));
        Assert.Equal(18, await FindingNumbers(page).CountAsync());

        await page.GetByLabel("区分", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "指摘" });
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "会計課" });
        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("Query.Category=", StringComparison.Ordinal));
        Assert.Contains("Query.Category=" + Uri.EscapeDataString("指摘"), page.Url, StringComparison.Ordinal);
        Assert.Equal(["R5-指-5"], await FindingNumbers(page).AllInnerTextsAsync());
        Assert.Equal("指摘", await page.GetByLabel("区分", new() { Exact = true }).InputValueAsync());
        Assert.Equal("会計課", await page.GetByLabel("所管課", new() { Exact = true }).InputValueAsync());

        // An earlier month and a state, the others back to すべて.
        await page.GetByLabel("時点", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "令和6年6月現在" });
        await page.GetByLabel("区分", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "すべて" });
        await page.GetByLabel("所管課", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "すべて" });
        await page.GetByLabel("対応区分", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "措置中 / 対応中" });
        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("Query.AsOf=2024-06", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)");
        Assert.Equal(["R5-指-5", "R5-意-9"], await FindingNumbers(page).AllInnerTextsAsync());
        Assert.Equal(["措置中", "検討中"], await page.Locator("table.findings tbody .badge").AllInnerTextsAsync());
        Assert.Equal("2024-06", await page.GetByLabel("時点", new() { Exact = true }).InputValueAsync());
        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));

        // And scripts really were off in this context.
        var probe = await context.NewPageAsync();
        await probe.SetContentAsync("<html><head><title>off</title><script>document.title = 'on'</script></head></html>");
        Assert.Equal("off", await probe.TitleAsync());
    }

    [Fact]
    public async Task A_reader_goes_from_the_audit_list_to_an_audit_to_a_finding_and_back()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await page.GotoAsync("/");

        // The first Tab reaches the skip link, which then shows and leads to the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "本文へ移動" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));

        await page.Locator("table.audits tbody tr", new() { HasText = "令和5年度" }).Filter(new() { HasText = "包括外部監査" })
            .GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url == new Uri(browser.Site.Host.Address, Audit(R5)).AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)");

        await page.GetByRole(AriaRole.Link, new() { Name = "R5-指-5", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url == new Uri(browser.Site.Host.Address, Finding(R5, "R5-指-5")).AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("R5-指-5 概算払をした補助金の精算の遅れについて");
        await Assertions.Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(2);

        var breadcrumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "パンくずリスト" });
        await breadcrumbs.GetByRole(AriaRole.Link, new() { Name = "令和5年度包括外部監査" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)");

        await page.GetByRole(AriaRole.Link, new() { Name = "監査の一覧" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("監査結果に対する措置・対応状況");

        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));

        // A download link answers with a file, not a page (the browser logs the navigation it turns into a download as aborted).
        await page.GotoAsync(Audit(R5));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV (UTF-8)" }).ClickAsync());
        Assert.Equal("kansa-R5-包括外部監査-2025-08.csv", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
    }

    public static TheoryData<string, int> AccessiblePages => new()
    {
        { "/", 200 },
        { Audit(R5), 200 },
        { Audit(R4, Q("Query.AsOf", "2024-02") + "&" + Q("Query.State", "done")), 200 },
        { Audit(R5, Q("Query.Category", "指摘") + "&" + Q("Query.Department", "財政課")), 200 },
        { Audit(R5, Q("Query.AsOf", "bad")), 400 },
        { Finding(R5, "R5-指-5"), 200 },
        { Finding("R5-指-4"), 200 },
        { Finding("R4-指-2"), 200 },
        { Finding("R5-指-1"), 200 },
        { Finding("R9-指-1"), 404 },
        { $"/audits/{Uri.EscapeDataString(R5)}/changes", 200 },
        { "/departments", 200 },
        { "/departments/1", 200 },
        { "/ageing", 200 },
        { "/themes", 200 },
        { $"/audits/{Uri.EscapeDataString(R5)}/changes?from=2025-13&to=2025-08", 400 },
    };

    [Theory]
    [MemberData(nameof(AccessiblePages))]
    public async Task A_page_has_no_WCAG_A_or_AA_violations(string path, int status)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, status);

        var response = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(status, response!.Status);

        var result = await RunAxeAsync(page);
        Assert.True(result.Passes >= 5, $"axe checked only {result.Passes} rules");

        output.WriteLine($"{path}: axe passed {result.Passes} rules, {result.Violations.Count} violations, {result.Incomplete.Count} to review");
        foreach (var item in result.Incomplete)
        {
            output.WriteLine($"to review: {item.Id} ({item.Help}): {string.Join("; ", item.Nodes)}");
        }

        Assert.True(result.Violations.Count == 0, $"{path}:\n" + string.Join('\n', result.Violations.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));
    }

    [Theory]
    [MemberData(nameof(AccessiblePages))]
    public async Task A_page_reflows_to_a_narrow_screen(string path, int status)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(320, 640);
        var response = await page.GotoAsync(path);
        Assert.Equal(status, response!.Status);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10)");
        Assert.True(widths[0] <= widths[1], $"{path}: {widths[0]} > {widths[1]}\n" + string.Join('\n', wide));
    }

    [Fact]
    public async Task The_accessibility_check_does_find_violations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src='data:,'>"
            + "<p style='color:#aaa;background:#fff'>薄い文字</p><select><option>a</option></select></main></body></html>");

        var result = await RunAxeAsync(page);

        Assert.Equal(["color-contrast", "html-has-lang", "image-alt", "page-has-heading-one", "select-name"], result.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>Runs axe-core on the page with the WCAG A/AA and best-practice rules (shared with the other browser tests).</summary>
    internal static async Task<AxeResult> RunAxeAsync(IPage page)
    {
        // Evaluated by the browser's debugging protocol, which the page's CSP (script-src 'self') does not govern.
        await page.EvaluateAsync(BrowserSite.AxeSource);
        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
              const brief = list => list.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
              return JSON.stringify({ passes: result.passes.length, violations: brief(result.violations), incomplete: brief(result.incomplete) });
            }
            """,
            WcagTags);
        return JsonSerializer.Deserialize<AxeResult>(json, Json)!;
    }

    internal sealed record AxeItem(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes);

    internal sealed record AxeResult(int Passes, IReadOnlyList<AxeItem> Violations, IReadOnlyList<AxeItem> Incomplete);

    private static ILocator FindingNumbers(IPage page) => page.Locator("table.findings tbody tr td:first-child");

    /// <summary>The colour tokens of the served tokens.css, as computed-style strings: name → rgb(r, g, b).</summary>
    private async Task<Dictionary<string, string>> TokenColoursAsync()
    {
        var css = await browser.Site.Client.GetStringAsync(new Uri("/lib/design-tokens/tokens.css", UriKind.Relative));
        var tokens = HexToken().Matches(css).ToDictionary(m => m.Groups[1].Value, m => Rgb(m.Groups[2].Value), StringComparer.Ordinal);
        Assert.NotEmpty(tokens);
        return tokens;
    }

    private static string Rgb(string hex)
    {
        int Part(int i) => int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"rgb({Part(0)}, {Part(1)}, {Part(2)})";
    }

    [GeneratedRegex(@"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex HexToken();
}
