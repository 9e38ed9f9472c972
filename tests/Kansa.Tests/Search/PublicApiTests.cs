using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Kansa.Tests.Search;

/// <summary>Issue 10, item 4: the public read API (published data, no sign-in), ETags, ProblemDetails and the OpenAPI document.</summary>
public class PublicApiTests
{
    private const string R5 = "R5-包括外部監査";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Anonymous_callers_read_audits_summaries_findings_and_history(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);
        var client = site.Client;

        var audits = await JsonAsync(client, "/api/v1/audits");
        var r5 = audits["audits"]!.AsArray().Single(a => (string?)a!["key"] == R5)!;
        Assert.Equal("2025-08", (string?)r5["asOf"]);
        Assert.Contains(r5["progress"]!.AsArray(), p => (string?)p!["category"] == "指摘");

        var summary = await JsonAsync(client, "/api/v1/audits/" + Uri.EscapeDataString(R5) + "?asOf=2025-08");
        Assert.Equal("2025-08", (string?)summary["asOf"]);
        Assert.Equal(36, (int)summary["findings"]!);
        Assert.Contains("2025-08", summary["months"]!.AsArray().Select(m => (string?)m));

        var page = await JsonAsync(client, "/api/v1/audits/" + Uri.EscapeDataString(R5) + "/findings?category=" + Uri.EscapeDataString("指摘") + "&pageSize=3&page=2");
        Assert.Equal(2, (int)page["page"]!);
        Assert.Equal(3, page["findings"]!.AsArray().Count);
        Assert.All(page["findings"]!.AsArray(), f => Assert.Equal("指摘", (string?)f!["category"]));
        Assert.Equal(((int)page["total"]! + 2) / 3, (int)page["pages"]!);
        var done = await JsonAsync(client, "/api/v1/audits/" + Uri.EscapeDataString(R5) + "/findings?state=done&department=" + Uri.EscapeDataString("政策調査課"));
        Assert.Contains(done["findings"]!.AsArray(), f => (string?)f!["number"] == "R5-指-7");

        var finding = await JsonAsync(client, "/api/v1/findings/R5-指-7");
        Assert.Equal("パスワードの変更について", (string?)finding["title"]);
        Assert.NotEmpty(finding["history"]!.AsArray());
        Assert.All(finding["history"]!.AsArray(), h => Assert.Null((string?)h!["recordedBy"]));

        // Errors are Japanese ProblemDetails: a month that cannot be read, an unknown audit, a staff route, a write route.
        await ProblemAsync(client.GetAsync("/api/v1/audits/" + Uri.EscapeDataString(R5) + "?asOf=2025-13"), 400, "時点");
        await ProblemAsync(client.GetAsync("/api/v1/audits/" + Uri.EscapeDataString("R9-ない監査")), 404, "R9-ない監査");
        await ProblemAsync(client.GetAsync("/api/v1/audits/" + Uri.EscapeDataString(R5) + "/findings?pageSize=100000"), 400, "ページ");
        await ProblemAsync(client.GetAsync("/api/v1/findings/R5-指-99"), 404, "R5-指-99");
        await ProblemAsync(client.GetAsync("/api/v1/rounds"), 401, "トークン");
        await ProblemAsync(client.GetAsync("/api/v1/staff/findings"), 401, "トークン");
        await ProblemAsync(client.PostAsync("/api/v1/audits", JsonContent.Create(new { kind = "定期監査", fiscalYear = 2024 })), 401, "トークン");
        await ProblemAsync(client.PutAsync("/api/v1/findings/R5-指-7", JsonContent.Create(new { title = "x" })), 401, "トークン");
    }

    [SkippableFact]
    public async Task Reads_carry_an_ETag_and_answer_304_while_nothing_changed()
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync("sqlite", [TestPaths.SeedFile]);
        foreach (var path in new[] { "/api/v1/audits", "/api/v1/findings/R5-指-7", "/api/v1/search?q=" + Uri.EscapeDataString("再委託"), "/openapi/v1.json" })
        {
            using var first = await site.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var tag = first.Headers.ETag;
            Assert.NotNull(tag);

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(tag!);
            using var notModified = await site.Client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var stale = new HttpRequestMessage(HttpMethod.Get, path);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await site.Client.SendAsync(stale)).StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_is_valid_and_lists_every_api_v1_route_with_a_schema()
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync("sqlite", [TestPaths.SeedFile]);
        var json = await site.Client.GetStringAsync("/openapi/v1.json");
        var read = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0, string.Join('\n', read.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        var document = read.Document!;
        Assert.Contains("/api/v1/search", document.Paths.Keys);
        Assert.Contains("/api/v1/findings/{number}", document.Paths.Keys);
        Assert.Contains("/api/v1/audits/{key}/findings", document.Paths.Keys);

        // Every /api/v1 route the app maps is in the document, each with a described success and its ProblemDetails.
        var routes = site.Host.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Path: Normalize(e.RoutePattern.RawText!))))
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var (method, path) in routes)
        {
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{method} {path} is not in the document");
            var operation = item!.Operations!.Single(o => o.Key.Method == method).Value;
            var success = operation.Responses!.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0 && success.All(r => r.Value.Content is { Count: > 0 } c && c.Values.All(m => m.Schema is not null)), $"{method} {path}: no schema for its success");
            Assert.True(operation.Responses!.ContainsKey("404") && operation.Responses["404"].Content!.ContainsKey("application/problem+json"), $"{method} {path}: no ProblemDetails");
        }

        var search = document.Paths["/api/v1/search"].Operations!.Single().Value;
        Assert.NotNull(search.Responses!["200"].Content!["application/json"].Example);
        Assert.Empty(search.Security ?? []);
        Assert.NotEmpty(document.Paths["/api/v1/rounds"].Operations!.First().Value.Security!);

        // The reference page renders the same routes.
        var page = await site.PageAsync("/openapi");
        Assert.Contains(page.QuerySelectorAll("h3 code"), c => c.TextContent == "GET /api/v1/search");
        Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/openapi");
    }

    private static string Normalize(string raw) => System.Text.RegularExpressions.Regex.Replace(raw, @"\{([^}:]+)(:[^}]+)?\}", "{$1}").TrimEnd('/');

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task ProblemAsync(Task<HttpResponseMessage> call, int status, string detailPart)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(status, (int)problem["status"]!);
        Assert.Contains(detailPart, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}", (string?)problem["title"]);
    }
}
