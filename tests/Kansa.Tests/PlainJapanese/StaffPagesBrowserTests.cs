using System.Text.RegularExpressions;
using Kansa.Tests.Support;
using Kansa.Tests.Web;
using Kansa.Tests.Workflow;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kansa.Tests.PlainJapanese;

/// <summary>
/// The main staff pages in Chromium, at 1280 and 390 px, as an administrator and as an editor: no login id, no ISO
/// timestamp, no API field name, no visible empty validation summary, no axe violation, nothing refused by the CSP.
/// </summary>
public partial class StaffPagesBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_pages_speak_plain_Japanese_at_1280_and_390_px()
    {
        await using var setup = await WorkflowSetup.CreateAsync("sqlite");
        await PlainStaffData.NameEveryoneAsync(setup.Db);
        await PlainStaffData.WalkAsync(setup);
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var opened = await StaffAccounts.PostFormAsync(coord, "/staff/rounds", new() { ["Input.AsOf"] = "2025-11" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, opened.StatusCode);
        var response = await PlainStaffData.ResponseIdAsync(setup);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        var walks = new (string Login, string[] Paths)[]
        {
            ("admin", ["/staff", PlainStaffData.Page, "/staff/rounds", "/staff/rounds/1", "/staff/change-log", "/staff/change-log?page=2", "/staff/registry", "/staff/registry/departments", "/staff/registry/audits/R5-包括外部監査/findings/R5-指-1/edit", "/staff/sheets", $"/staff/responses/{response}/evidence"]),
            ("dx-editor", ["/staff", PlainStaffData.Page, "/staff/sheets"]),
        };
        var seen = new List<string>();
        var failures = new List<string>();
        foreach (var (login, paths) in walks)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = setup.Host.Address.ToString(), Locale = "ja-JP" });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await SignInAsync(page, login);
            foreach (var path in paths)
            {
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    var problems = PageProblems.Watch(page);
                    var loaded = await page.GotoAsync(path);
                    Assert.True(loaded!.Status == 200, $"{login} {path}: {loaded.Status}");
                    failures.AddRange(await CheckAsync(page, $"{login} {path} @{width}px", width));
                    failures.AddRange(problems.All.Select(p => $"{login} {path}: {p}"));
                    seen.Add(await page.InnerTextAsync("main"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The pages did show the people and dates the checks are about.
        var all = string.Join('\n', seen);
        Assert.Contains("鈴木 (DX推進課)", all, StringComparison.Ordinal);
        Assert.Contains("高橋 (DX推進課)", all, StringComparison.Ordinal);
        Assert.Contains("令和8年1月15日", all, StringComparison.Ordinal);
        Assert.Matches(WarekiMoment(), all);
    }

    private async Task<List<string>> CheckAsync(IPage page, string where, int width)
    {
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add($"{where}: {what}");
            }
        }

        var text = await page.InnerTextAsync("body");
        var login = text.IndexOf("user:", StringComparison.Ordinal);
        Check(login < 0, $"a login id near 「{(login < 0 ? "" : text.Substring(login, Math.Min(30, text.Length - login)))}」");
        Check(!ChangeLogReadingTests.IsoMoment().IsMatch(text), $"an ISO time 「{ChangeLogReadingTests.IsoMoment().Match(text).Value}」");
        Check(!FieldNamePrefix().IsMatch(text), $"an API field name in 「{FieldNamePrefix().Match(text).Value}」");

        // An empty summary must not show: without the stylesheet rule its empty item is a red bullet.
        var emptySummaries = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('[data-valmsg-summary], .validation-summary-valid')].filter(e => e.getClientRects().length > 0 && e.innerText.trim() === '').length");
        Check(emptySummaries == 0, $"{emptySummaries} empty validation summaries show");

        var axe = await BrowserTests.RunAxeAsync(page);
        Check(axe.Violations.Count == 0, string.Join('\n', axe.Violations.Select(v => $"{v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        if (width < 400)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Check(widths[0] <= widths[1], $"the page scrolls sideways ({widths[0]} > {widths[1]})");
        }

        output.WriteLine($"{where}: axe passed {axe.Passes} rules");
        return failures;
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Login", login);
        await page.FillAsync("#Input_Password", StaffAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase));
    }

    // A lower-case API name followed by a Japanese label in brackets: status (対応区分), dueDate (期限).
    [GeneratedRegex(@"\b[a-z][A-Za-z]+ \([^\x00-\x7F]")]
    private static partial Regex FieldNamePrefix();

    [GeneratedRegex(@"令和\d+年\d+月\d+日 \d{2}:\d{2}")]
    private static partial Regex WarekiMoment();
}
