using System.Xml.Linq;
using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Status;
using Microsoft.EntityFrameworkCore;
using Kansa.Rounds;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.OpenData;

/// <summary>The Atom feed of publications, on the real app over HTTP.</summary>
public class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly StaffUser Coordinator = new("u1", "kanri", new HashSet<string> { Roles.Coordinator }, new HashSet<int>());

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_feed_has_one_entry_per_published_round_with_stable_ids_and_matches_the_golden_file(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 20, 1, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var first = await data.FindingAsync("R7-指-1", "DX推進課", "委託契約の見直し");
        var second = await data.FindingAsync("R7-意-1", "会計課", "支出事務の点検");
        await using (var context = db.CreateContext())
        {
            (await context.Findings.SingleAsync(f => f.Id == second)).Category = FindingCategory.Opinion;
            await context.SaveChangesAsync();
        }

        await DoneAsync(db, await data.ResponseAsync(first, null, ResponseStage.Approved), "措置済");
        await PublishAsync(db, time, "2025-11");
        time.Advance(TimeSpan.FromDays(3));
        await DoneAsync(db, await data.ResponseAsync(second, null, ResponseStage.Approved), "対応済");
        await PublishAsync(db, time, "2026-01");
        time.Advance(TimeSpan.FromHours(5));
        await using var host = await WebHost.StartAsync(db.Target, time: time);

        using var response = await host.Client.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(["令和7年度定期監査対応状況(令和8年1月現在)", "令和7年度定期監査対応状況(令和7年11月現在)"],
            entries.Select(e => (string)e.Element(Atom + "title")!));
        Assert.Equal(["2026-01-23T01:00:00Z", "2026-01-20T01:00:00Z"], entries.Select(e => (string)e.Element(Atom + "updated")!));
        Assert.Equal("2026-01-23T01:00:00Z", (string)feed.Root.Element(Atom + "updated")!);
        Assert.Equal(["指摘事項 措置済 1件・未措置 0件 / 意見 対応済 1件・未対応 0件", "指摘事項 措置済 1件・未措置 0件 / 意見 対応済 0件・未対応 1件"], entries.Select(e => (string)e.Element(Atom + "summary")!));
        Assert.Equal("audits/r7-test?Query.AsOf=2026-01", (string)entries[0].Element(Atom + "link")!.Attribute("href")!);
        Assert.All(entries.Append(feed.Root), e => Assert.StartsWith("urn:uuid:", (string)e.Element(Atom + "id")!, StringComparison.Ordinal));
        Assert.Equal(2, entries.Select(e => (string)e.Element(Atom + "id")!).Distinct().Count());

        // The same publications give the same document, ids included, whatever the database or the port.
        Golden.AssertMatches("feed-rounds.atom", bytes);
    }

    [Fact]
    public async Task Every_page_links_the_feed_from_its_head()
    {
        await using var site = await Site.DemoAsync("sqlite");

        var page = await site.PageAsync("/");

        var link = Assert.Single(page.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']"));
        Assert.Equal("/feed.atom", link.GetAttribute("href"));
        using var feed = await site.Client.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        var entries = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry").ToList();

        // The demo's documents: R4 and R6 as of 令和7年8月, R5 as of 令和6年6月 and 令和7年8月, each with the months of
        // publication (公表年月) they list.
        Assert.Contains(entries, e => (string)e.Element(Atom + "title")! == "令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)");
        Assert.Contains(entries, e => (string)e.Element(Atom + "title")! == "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)");
        Assert.Equal(entries.Count, entries.Select(e => (string)e.Element(Atom + "id")!).Distinct().Count());
    }

    private static async Task DoneAsync(TestDatabase db, int responseId, string word)
    {
        await using var context = db.CreateContext();
        var response = await context.Responses.SingleAsync(r => r.Id == responseId);
        response.Word = word;
        response.State = StatusState.Done;
        await context.SaveChangesAsync();
    }

    private static async Task PublishAsync(TestDatabase db, TimeProvider time, string month)
    {
        await using var context = db.CreateContext();
        var opened = await new OpenRound(context, time).RunAsync(Coordinator, month, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.ToString());
        var published = await new PublishRound(context, time).RunAsync(Coordinator, opened.Value!.Id, null, CancellationToken.None);
        Assert.True(published.Succeeded, published.ToString());
    }
}
