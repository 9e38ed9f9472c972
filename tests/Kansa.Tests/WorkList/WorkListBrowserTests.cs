using Kansa.OpenData;
using Kansa.Tests.Support;
using Kansa.Tests.Web;
using Kansa.Tests.Workflow;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kansa.Tests.WorkList;

/// <summary>
/// /staff/findings and the staff menu in Debian's Chromium, signed in as the coordinator, at a desktop (1280) and a
/// phone (390) width: no WCAG A/AA violation, nothing wider than the screen, and the page carries no script (its forms are plain GET and POST).
/// </summary>
public sealed class WorkListBrowserTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_work_list_is_accessible_and_has_no_script(int width)
    {
        Skip.IfNot(File.Exists(BrowserSite.Chromium), "chromium is not installed");
        await using var setup = await WorkflowSetup.CreateAsync("sqlite");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = setup.Host.Address.ToString(),
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Login", "coord");
        await page.FillAsync("#Input_Password", StaffAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/staff");

        // The staff menu leads to the list; the filter form works as a plain GET.
        await page.ClickAsync("nav.staff-menu >> text=一覧");
        await page.WaitForURLAsync("**/staff/findings");
        Assert.Equal("page", await page.GetAttributeAsync("nav.staff-menu a[href='/staff/findings']", "aria-current"));
        await page.SelectOptionAsync("#filter-stage", "not_requested");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/staff/findings?*stage=not_requested*");
        Assert.Equal(22, await page.Locator("table.work-list tbody tr").CountAsync());
        await CheckAsync(page, width, "list");

        // Tick R5-指-1 (the only open finding with a department), give a due date, send: the confirmation shows.
        await page.CheckAsync("input[aria-label='R5-指-1 を選ぶ']");
        await page.FillAsync("#bulk-due", "2026-01-30");
        await page.FillAsync("#bulk-note", "ブラウザからの依頼");
        await page.ClickAsync("text=選んだものに依頼する");
        await page.WaitForSelectorAsync("p.notice[role=status]");
        Assert.Contains("1 件の指摘・意見について", await page.InnerTextAsync("p.notice[role=status]"), StringComparison.Ordinal);
        Assert.Equal(21, await page.Locator("table.work-list tbody tr").CountAsync());
        await CheckAsync(page, width, "after request");

        // A refused bulk request shows its reasons in the staff area, and is checked too.
        await page.FillAsync("#bulk-due", "2026-01-30");
        await page.ClickAsync("button[name='Bulk.All']");
        await page.WaitForSelectorAsync("div.error[role=alert] li");
        await CheckAsync(page, width, "refused");
    }

    private async Task CheckAsync(IPage page, int width, string what)
    {
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.scripts.length"));
        var result = await BrowserTests.RunAxeAsync(page);
        output.WriteLine($"{what} at {width}: axe passed {result.Passes} rules, {result.Violations.Count} violations");
        Assert.True(result.Passes >= 5, $"axe checked only {result.Passes} rules");
        Assert.True(result.Violations.Count == 0, $"{what} at {width}:\n" + string.Join('\n', result.Violations.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{what} at {width}: the page is {widths[0]} wide on a {widths[1]} screen");
    }
}
