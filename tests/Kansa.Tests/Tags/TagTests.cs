using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Accounts;
using Kansa.Tags;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Tags;

/// <summary>Issue 10, item 3: tags that the coordinator sets, with suggestions, shown on the public pages.</summary>
public class TagTests
{
    private const string R6Key = "R6-定期監査";
    private static readonly string[] Outsourcing = ["再委託"];
    private static readonly string[] Twice = ["再委託", "再委託"];
    private static readonly string[] Department = ["市民協働推進課"];
    private static readonly string TagsPage = "/staff/findings/" + Uri.EscapeDataString("R6-指-2") + "/tags?audit=" + Uri.EscapeDataString(R6Key);

    [Theory]
    [InlineData("  再委託 ", "再委託")]
    [InlineData("ＤＸ", "DX")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞ", "パスワード")]
    [InlineData("個人情報・漏えい", "個人情報・漏えい")]
    public void A_tag_is_trimmed_and_NFKC_folded(string typed, string stored) => Assert.Equal(stored, TagName.Normalize(typed).Value);

    [Theory]
    [InlineData("", "入力してください")]
    [InlineData("   ", "入力してください")]
    [InlineData("<b>再委託</b>", "「<」は使えません")]
    [InlineData("再 委託", "「 」は使えません")]
    [InlineData("a/b", "「/」は使えません")]
    [InlineData("あいうえおかきくけこさしすせそたちつてとな", "20文字以内")]
    public void A_tag_that_is_not_one_short_word_is_refused_beside_its_field(string typed, string message)
    {
        var outcome = TagName.Normalize(typed);
        Assert.False(outcome.Succeeded);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("name", problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_tags_a_finding_from_the_suggestions_and_the_public_pages_and_the_API_show_it(string engine)
    {
        await using var site = await Site.DemoAsync(engine);
        await StaffAccounts.CreateUserAsync(site.Database, "sato", Roles.Coordinator);
        var coordinator = await StaffAccounts.SignedInClientAsync(site.Host, "sato");

        // Reached from the workflow page; suggests the word R6-指-2 shares with R4-指-2 of another year.
        var workflow = await coordinator.GetStringAsync("/staff/findings/" + Uri.EscapeDataString("R6-指-2") + "?audit=" + Uri.EscapeDataString(R6Key));
        Assert.Contains("/tags?audit=", workflow, StringComparison.Ordinal);
        var page = Site.Parse(await coordinator.GetStringAsync(TagsPage));
        var suggested = page.QuerySelectorAll("ul.tag-suggestions button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("随意契約", suggested);

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(coordinator, "　随意契約 ")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(coordinator, "ＤＸ")).StatusCode);
        var again = await AddAsync(coordinator, "随意契約");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refused = Site.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains("「随意契約」はもう付いています", refused.QuerySelector("#tag-name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tag-name-error", refused.QuerySelector("#tag-name")!.GetAttribute("aria-describedby"));

        // Shown on the public finding page as text, on the tag's page across audits, on the list of tags and in the API.
        var finding = await site.PageAsync(Finding(R6Key, "R6-指-2"));
        Assert.Equal(["随意契約", "DX"], finding.QuerySelectorAll("dl.facts ul.tags a").Select(a => a.TextContent));
        var tagPage = await site.PageAsync("/tags/" + Uri.EscapeDataString("随意契約"));
        Assert.Equal(["R6-指-2"], tagPage.QuerySelectorAll("table.tag-findings tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Contains((await site.PageAsync("/tags")).QuerySelectorAll("ul.tags li"), li => li.TextContent.Contains("随意契約 (1 件)", StringComparison.Ordinal));
        Assert.Contains((await site.PageAsync("/themes")).QuerySelectorAll("a"), a => a.GetAttribute("href") == "/tags");
        var json = await site.Client.GetFromJsonAsync<JsonObject>("/api/v1/findings/R6-指-2?audit=" + Uri.EscapeDataString(R6Key));
        Assert.Equal(["随意契約", "DX"], json!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        // R4-指-2 of the other year is offered the tag its similar finding now carries.
        var r4 = Site.Parse(await coordinator.GetStringAsync("/staff/findings/" + Uri.EscapeDataString("R4-指-2") + "/tags?audit=R4-包括外部監査"));
        Assert.Contains(r4.QuerySelectorAll("ul.tag-suggestions li"), li => li.TextContent.Contains("似ている R6-指-2 のタグ", StringComparison.Ordinal));

        var removed = await StaffAccounts.PostFormAsync(coordinator, TagsPage + "&handler=remove", new() { ["Input.Name"] = "DX" }, TagsPage);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["随意契約"], (await site.PageAsync(Finding(R6Key, "R6-指-2"))).QuerySelectorAll("dl.facts ul.tags a").Select(a => a.TextContent));

        // Every change is a line of the change log (操作記録), by the coordinator.
        await using var db = site.Database.CreateContext();
        var lines = await db.ChangeEntries.AsNoTracking().Where(e => e.EntityType == "FindingTag").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["create", "create", "delete"], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("user:sato", l.Actor));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Only_coordinators_write_tags_and_an_unpublished_finding_keeps_them_off_the_public_pages(string engine)
    {
        await using var site = await Site.DemoAsync(engine);
        await StaffAccounts.CreateUserAsync(site.Database, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(site.Database, "kyodo", Roles.Editor, "市民協働推進課");
        var coordinator = await StaffAccounts.TokenClientAsync(site.Database, site.Host, "sato");
        var editorApi = await StaffAccounts.TokenClientAsync(site.Database, site.Host, "kyodo");
        var editor = await StaffAccounts.SignedInClientAsync(site.Host, "kyodo");

        var tags = "/api/v1/findings/R6-指-2/tags?audit=" + Uri.EscapeDataString(R6Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorApi.PutAsJsonAsync(tags, new { tags = Outsourcing })).StatusCode);
        var anonymous = await site.Client.PutAsJsonAsync(tags, new { tags = Outsourcing });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
        var page = await editor.GetAsync(TagsPage);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/error/403", page.Headers.Location!.AbsolutePath);
        var signedOut = await StaffAccounts.CookieClient(site.Host).GetAsync(TagsPage);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/login", signedOut.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);

        var invalid = await coordinator.PutAsJsonAsync(tags, new { tags = Twice });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("2回あります", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A finding registered but not yet published: staff see its tags, the public pages do not.
        var created = await coordinator.PostAsJsonAsync("/api/v1/audits/" + Uri.EscapeDataString(R6Key) + "/findings",
            new { number = "R6-指-9", title = "委託契約の再委託の承認について", departments = Department });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var set = await coordinator.PutAsJsonAsync("/api/v1/findings/R6-指-9/tags?audit=" + Uri.EscapeDataString(R6Key), new { tags = Outsourcing });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(["再委託"], (await set.Content.ReadFromJsonAsync<JsonObject>())!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Empty((await site.PageAsync(Finding(R6Key, "R6-指-9"))).QuerySelectorAll("ul.tags"));
        Assert.Empty((await site.Client.GetFromJsonAsync<JsonObject>("/api/v1/findings/R6-指-9?audit=" + Uri.EscapeDataString(R6Key)))!["tags"]!.AsArray());
        Assert.Single((await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/findings/R6-指-9?audit=" + Uri.EscapeDataString(R6Key)))!["tags"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/tags/" + Uri.EscapeDataString("再委託"))).StatusCode);
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string name) =>
        StaffAccounts.PostFormAsync(client, TagsPage + "&handler=add", new() { ["Input.Name"] = name }, TagsPage);
}
