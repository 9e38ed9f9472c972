using Kansa.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kansa.Tests.Search;

/// <summary>Issue 10, item 4: the API reference page loads in a real browser with no request leaving the machine.</summary>
public class ApiReferenceBrowserTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_reference_page_loads_everything_from_the_app_itself_and_lists_the_search_and_findings_routes()
    {
        await using var context = await site.NewContextAsync();
        var origin = site.Site.Host.Address.GetLeftPart(UriPartial.Authority);
        var requests = new List<string>();

        // Every request the page makes is recorded; one to anywhere else is aborted, so that even a failing run sends
        // nothing off the machine.
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            lock (requests)
            {
                requests.Add(url);
            }

            if (url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/openapi", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        output.WriteLine(string.Join('\n', requests));
        Assert.Contains(origin + "/openapi", requests);
        Assert.True(requests.Count >= 2, "the page's own stylesheet is loaded too");
        Assert.All(requests, url => Assert.StartsWith(origin + "/", url, StringComparison.Ordinal));
        Assert.True(new Uri(origin).IsLoopback);

        var routes = await page.Locator("ul.api-index code").AllTextContentsAsync();
        Assert.Contains("GET /api/v1/search", routes);
        Assert.Contains("GET /api/v1/findings/{number}", routes);
        Assert.Contains("GET /api/v1/audits/{key}/findings", routes);
    }
}
