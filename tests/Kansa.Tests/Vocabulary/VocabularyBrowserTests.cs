using Kansa.Tests.Support;
using Kansa.Tests.Web;
using Microsoft.Playwright;

namespace Kansa.Tests.Vocabulary;

/// <summary>/staff/vocabulary in a real Chromium at desktop and phone widths: WCAG A/AA (axe), no sideways scrolling, CSP.</summary>
public class VocabularyBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_vocabulary_page_is_accessible_at_1280_and_390_pixels_also_with_its_errors()
    {
        await StaffAccounts.CreateUserAsync(browser.Site.Database, "vocab-coord", Kansa.Accounts.Roles.Coordinator);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name='Input.Login']", "vocab-coord");
        await page.FillAsync("input[name='Input.Password']", StaffAccounts.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync("**/staff");

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var problems = PageProblems.Watch(page);
            var response = await page.GotoAsync("/staff/vocabulary");
            Assert.Equal(200, response!.Status);
            await AssertCleanAsync(page, width, problems);

            // Every 意見 word unticked: the refusal is shown next to its category, and stays accessible.
            foreach (var box in await page.Locator("input[name=Opinion]").AllAsync())
            {
                await box.UncheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Assertions.Expect(page.Locator("#Opinion-error")).ToContainTextAsync("意見の対応区分: 済んだことを表す語");
            await AssertCleanAsync(page, width, problems);
        }

        await page.GotoAsync("/staff/vocabulary");
        await page.CheckAsync("input[name=Finding][value=改善済]");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync("対応区分の語の選択を保存しました。");
        await Assertions.Expect(page.Locator("input[name=Finding][value=改善済]")).ToBeCheckedAsync();
    }

    private static async Task AssertCleanAsync(IPage page, int width, PageProblems problems)
    {
        var result = await BrowserTests.RunAxeAsync(page);
        Assert.True(result.Passes >= 5, $"axe checked only {result.Passes} rules");
        Assert.True(result.Violations.Count == 0, $"{width}px:\n" + string.Join('\n', result.Violations.Select(v => $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{width}px: the page scrolls sideways ({widths[0]} > {widths[1]})");
        Assert.True(problems.All.Count == 0, string.Join('\n', problems.All));
    }
}
