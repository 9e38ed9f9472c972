using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Search;

/// <summary>Issue 10's search, on the seed, on both engines: the page, the API, folding, hostile input and an index kept current.</summary>
public class SearchTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_seed_is_found_by_its_words_on_the_page_and_the_API_without_signing_in(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);

        // The page: R5-意-15 (再委託 in its title) first, the word in <mark>, everything else encoded.
        var page = await site.PageAsync("/search?" + SitePaths.Q("q", "再委託"));
        var hits = page.QuerySelectorAll("li.search-hit").ToList();
        Assert.NotEmpty(hits);
        Assert.Contains("R5-意-15", hits[0].QuerySelector(".search-hit-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("再委託", hits[0].QuerySelector(".search-hit-title mark")!.TextContent);
        Assert.All(hits, h => Assert.Contains(h.QuerySelectorAll("mark"), m => m.TextContent == "再委託"));
        Assert.Contains(page.QuerySelectorAll("header a"), a => a.GetAttribute("href") == "/search");

        // The API answers the same to an anonymous caller.
        var api = await SearchAsync(site.Client, "再委託");
        Assert.Equal("R5-意-15", (string?)api["hits"]![0]!["number"]);
        Assert.Contains("<mark>再委託</mark>", (string?)api["hits"]![0]!["titleHtml"], StringComparison.Ordinal);
        Assert.Equal(hits.Count, (int)api["total"]!);

        // Two characters (no trigram), full width folded, half-width katakana folded.
        Assert.Contains("R5-意-19", await AllNumbersAsync(site.Client, "DX"));
        Assert.Contains("R5-意-19", await AllNumbersAsync(site.Client, "ＤＸ"));
        Assert.Contains("R5-意-19", await AllNumbersAsync(site.Client, "dx"));
        Assert.Contains("R5-指-7", await AllNumbersAsync(site.Client, "パスワード"));
        Assert.Contains("R5-指-7", await AllNumbersAsync(site.Client, "ﾊﾟｽﾜｰﾄﾞ"));

        // Several words are AND: each result holds both.
        var both = await AllNumbersAsync(site.Client, "契約 再委託");
        var either = await AllNumbersAsync(site.Client, "契約");
        Assert.NotEmpty(both);
        Assert.True(both.Count < either.Count);
        Assert.Subset(either.ToHashSet(), both.ToHashSet());

        // Department names and numbers are searched too; a department filter narrows.
        Assert.Contains("R5-指-7", await AllNumbersAsync(site.Client, "政策調査課"));
        Assert.Equal("R5-指-7", (string?)(await SearchAsync(site.Client, "R5-指-7"))["hits"]![0]!["number"]);
        Assert.Equal(0, (int)(await SearchAsync(site.Client, "再委託", "&category=" + Uri.EscapeDataString("指摘") + "&state=open&fiscalYearTo=2000"))["total"]!);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Query_syntax_and_wildcards_in_the_input_are_only_data(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);
        string[] hostile = ["\"", "\"再委託", "再委託\"", "*", "再*", "NEAR", "NEAR(再委託 監査)", "再委託 OR パスワード", "OR", "-", "再-委託", "%", "%%%", "_", "__", "\\", "\\%", "'; DROP TABLE \"Findings\"; --", "<script>alert(1)</script>", "^再", "{再委託}", "col:再委託", "AND", "NOT 再委託"];
        foreach (var q in hostile)
        {
            var response = await site.Client.GetAsync("/api/v1/search?" + SitePaths.Q("q", q));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var page = await site.Client.GetAsync("/search?" + SitePaths.Q("q", q));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Wildcards match themselves only: % and _ are in no title or excerpt of the seed, so nothing is found.
        Assert.Equal(0, (int)(await SearchAsync(site.Client, "%"))["total"]!);
        Assert.Equal(0, (int)(await SearchAsync(site.Client, "_"))["total"]!);
        Assert.Equal(0, (int)(await SearchAsync(site.Client, "再*"))["total"]!);
        Assert.Equal(0, (int)(await SearchAsync(site.Client, "再委託 OR パスワード"))["total"]!);

        // Bad filters are Japanese problems, never a 500.
        var bad = await site.Client.GetAsync("/api/v1/search?q=x&state=closed&publishedFrom=2025-13&fiscalYearFrom=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Contains("対応区分", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/search?q=x&state=closed")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_index_follows_registry_edits_publication_corrections_and_renames_and_never_shows_drafts(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var anonymous = setup.Host.Client;
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        var roadEditor = await setup.ApiAsync("road-editor");

        // The registry edit of the set-up (R5-指-1's title) is searchable at once.
        Assert.Equal(["R5-指-1"], await AllNumbersAsync(anonymous, "調達に関する規程"));

        // A draft is not published: nobody finds it, anonymous or staff.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coord, "/api/v1/findings/R5-指-1/requests", new { dueDate = "2025-10-31" })).StatusCode);
        var drafted = await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "令和7年10月にさくらんぼ規程を改正した。" });
        var id = (int)(await ReadAsync(drafted))["id"]!;
        Assert.Empty(await AllNumbersAsync(anonymous, "さくらんぼ"));
        Assert.Empty(await AllNumbersAsync(coord, "さくらんぼ"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approver, $"/api/v1/responses/{id}/approve")).StatusCode);
        Assert.Empty(await AllNumbersAsync(anonymous, "さくらんぼ"));

        // Published in a round: found, with its new state.
        var roundId = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{roundId}/publish")).StatusCode);
        Assert.Equal(["R5-指-1"], await AllNumbersAsync(anonymous, "さくらんぼ"));
        Assert.Equal(["R5-指-1"], await AllNumbersAsync(anonymous, "さくらんぼ", "&state=done&publishedFrom=2025-11&publishedTo=2025-11"));
        Assert.Empty(await AllNumbersAsync(anonymous, "さくらんぼ", "&publishedTo=2025-10"));

        // A correction replaces the published text in the index (the old text stays in the history, so it is still found).
        var correction = await PostAsync(coord, $"/api/v1/responses/{id}/corrections", new { content = "令和7年10月にメロンパン規程を改正した。", reason = "規程の名称の誤り" });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        Assert.Equal(["R5-指-1"], await AllNumbersAsync(anonymous, "メロンパン"));

        // An editor of another department does not find DX推進課's findings; the public does.
        Assert.Empty(await AllNumbersAsync(roadEditor, "メロンパン"));

        // A rename: the new name and the old one both find the department's findings.
        var dx = (await coord.GetFromJsonAsync<JsonArray>("/api/v1/departments"))!.First(d => (string?)d!["name"] == "DX推進課")!;
        var renamed = await PostAsync(coord, $"/api/v1/departments/{(int)dx["id"]!}/rename", new { name = "デジタルみらい課", from = "2026-01", version = (string?)dx["version"] });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("R5-指-3", await AllNumbersAsync(anonymous, "デジタルみらい課"));
        Assert.Contains("R5-指-3", await AllNumbersAsync(anonymous, "DX推進課"));
    }

    private static async Task<JsonNode> SearchAsync(HttpClient client, string q, string filters = "")
    {
        var response = await client.GetAsync("/api/v1/search?" + SitePaths.Q("q", q) + filters);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<List<string>> AllNumbersAsync(HttpClient client, string q, string filters = "")
    {
        var numbers = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await SearchAsync(client, q, filters + "&page=" + page);
            numbers.AddRange(result["hits"]!.AsArray().Select(h => (string)h!["number"]!));
            if (page >= (int)result["pages"]!)
            {
                return numbers;
            }
        }
    }
}
