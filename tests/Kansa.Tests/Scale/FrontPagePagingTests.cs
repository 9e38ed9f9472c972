using System.Text.Json;
using Kansa.Audits;
using Kansa.Tests.Generator;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Scale;

/// <summary>
/// The front page and GET /api/v1/audits list the audits a page at a time, newest fiscal year first (issue 8, 2.:
/// a national service holds tens of thousands of audits). Every audit is on exactly one page, with its progress.
/// </summary>
public class FrontPagePagingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Audits_are_listed_a_page_at_a_time_and_every_one_appears_once(string engine)
    {
        using var dir = new TempDir();
        var generated = await GeneratedFiles.GenerateAsync(dir, "many", "--findings", "180", "--audits", "60", "--rounds", "1", "--seed", "5");
        await using var site = await Site.StartAsync(engine, [.. TestPaths.DemoSamples, .. generated]);
        List<(string Key, int Year)> expected;
        await using (var db = site.Database.CreateContext())
        {
            expected = [.. (await db.Audits.Select(a => new { a.Key, a.FiscalYear }).ToListAsync())
                .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.FiscalYear))];
        }

        Assert.True(expected.Count > ListAudits.PageSize, $"{expected.Count} audits");
        var seen = new List<string>();
        var path = "/";
        for (var page = 1; path.Length > 0; page++)
        {
            var doc = await site.PageAsync(path);
            var links = doc.QuerySelectorAll("table.audits tbody tr td a[href^='/audits/']").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!["/audits/".Length..])).ToList();
            Assert.InRange(links.Count, 1, ListAudits.PageSize);
            seen.AddRange(links);
            Assert.Equal($"{page} / 2 ページ", doc.QuerySelector("[aria-current=page]")?.TextContent.Trim());
            Assert.Equal(page > 1, doc.QuerySelector("a[rel=prev]") is not null);
            path = doc.QuerySelector("a[rel=next]")?.GetAttribute("href") ?? "";
        }

        Assert.Equal(expected.Select(e => e.Key), seen);

        // The API pages the same way and says how many there are; a page past the last is the last.
        var second = await JsonAsync(site, "/api/v1/audits?page=2");
        Assert.Equal(expected.Count, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("pages").GetInt32());
        Assert.Equal(expected.Skip(ListAudits.PageSize).Select(e => e.Key), second.GetProperty("audits").EnumerateArray().Select(a => a.GetProperty("key").GetString()));
        var past = await JsonAsync(site, "/api/v1/audits?page=99");
        Assert.Equal(2, past.GetProperty("page").GetInt32());
        var refused = await site.Client.GetAsync("/api/v1/audits?page=0");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ページ", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(Site site, string path) =>
        JsonDocument.Parse(await site.Client.GetStringAsync(path)).RootElement;
}
