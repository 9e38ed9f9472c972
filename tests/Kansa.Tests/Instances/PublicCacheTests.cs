using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Import;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Kansa.Caching;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Instances;

/// <summary>
/// Public pages and downloads come from memory until the data changes (through this app, another instance or the
/// command line), with ETags, 304 and compression; nothing of a signed-in person is ever kept. Over real HTTP on Kestrel.
/// </summary>
public class PublicCacheTests
{
    private const string AuditPage = "/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB";
    private const string FindingPage = "/findings/R5-%E6%8C%87-1";

    [SkippableFact]
    public async Task A_page_comes_from_memory_with_an_etag_that_answers_304()
    {
        await using var setup = await WorkflowSetup.CreateAsync("sqlite");
        var client = setup.Host.Client;

        var first = await client.GetAsync(AuditPage);
        var second = await client.GetAsync(AuditPage);
        var etag = second.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, AuditPage);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);

        Assert.Equal("miss", Cache(first));
        Assert.Equal("hit", Cache(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, no-cache", second.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", second.Headers.Vary);

        // The security headers are on the kept answers too.
        Assert.True(second.Headers.Contains("Content-Security-Policy"));
    }

    [SkippableFact]
    public async Task Text_is_sent_compressed_to_clients_that_accept_it()
    {
        await using var setup = await WorkflowSetup.CreateAsync("sqlite");
        var plain = await setup.Host.Client.GetByteArrayAsync("/open-data/kansa.csv");

        foreach (var (encoding, decode) in new (string, Func<Stream, Stream>)[]
        {
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/open-data/kansa.csv");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await setup.Host.Client.SendAsync(request);
            using var decoded = new MemoryStream();
            await using (var stream = decode(await response.Content.ReadAsStreamAsync()))
            {
                await stream.CopyToAsync(decoded);
            }

            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.True(response.Content.Headers.ContentLength < plain.Length);
            Assert.Equal(plain, decoded.ToArray());
            Assert.Equal("kansa-all-2025-08.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Nothing_is_stale_after_a_publication_a_correction_a_rename_or_an_import(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var visitor = setup.Host.Client;
        var coord = await setup.ApiAsync("coord");
        await WarmAsync(visitor);

        // A publication through the workflow API.
        var id = await PublishAsync(setup, coord, "令和7年10月に調達規程を改正した。");
        Assert.Contains("令和7年10月に調達規程を改正した。", await visitor.GetStringAsync(FindingPage), StringComparison.Ordinal);
        Assert.Contains("令和7年10月に調達規程を改正した。", await visitor.GetStringAsync("/open-data/kansa.json"), StringComparison.Ordinal);
        await WarmAsync(visitor);

        // A correction of the published text.
        var corrected = await PostAsync(coord, $"/api/v1/responses/{id}/corrections", new { content = "令和7年10月に情報システム調達規程を改正した。", reason = "規程の名称の誤り" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Contains("規程の名称の誤り", await visitor.GetStringAsync(FindingPage), StringComparison.Ordinal);
        await WarmAsync(visitor);

        // A department renamed in the registry.
        Assert.DoesNotContain("デジタル推進課", await visitor.GetStringAsync(AuditPage), StringComparison.Ordinal);
        var renamed = await coord.PostAsJsonAsync($"/api/v1/departments/{await DepartmentIdAsync(coord, "DX推進課")}/rename", new { name = "デジタル推進課", from = "2025-04" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("デジタル推進課", await visitor.GetStringAsync(AuditPage), StringComparison.Ordinal);
        Assert.Contains("デジタル推進課", await visitor.GetStringAsync(FindingPage), StringComparison.Ordinal);

        // An import made outside the app (as `kansa import` in another process would).
        var front = await visitor.GetStringAsync("/");
        Assert.DoesNotContain("R6-定期監査", await visitor.GetStringAsync("/open-data/kansa.json"), StringComparison.Ordinal);
        await using (var context = setup.Db.CreateContext())
        {
            Assert.True((await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.DemoSamples[3]], false, null, CancellationToken.None)).Succeeded);
        }

        Assert.NotEqual(front, await visitor.GetStringAsync("/"));
        Assert.Contains("R6-定期監査", await visitor.GetStringAsync("/open-data/kansa.json"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_signed_in_person_is_never_served_nor_kept()
    {
        await using var setup = await WorkflowSetup.CreateAsync("sqlite");
        var person = await StaffAccounts.SignedInClientAsync(setup.Host, "viewer");

        var anonymousFirst = await setup.Host.Client.GetAsync("/");
        var signedIn = await person.GetAsync("/");
        var anonymousAfter = await setup.Host.Client.GetAsync("/");
        var staff = await person.GetAsync("/staff");

        Assert.Equal("miss", Cache(anonymousFirst));
        Assert.Contains("(viewer)", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Cache(signedIn));
        Assert.Null(signedIn.Headers.ETag);
        Assert.True(signedIn.Headers.CacheControl?.NoStore);
        Assert.Equal("hit", Cache(anonymousAfter));
        Assert.DoesNotContain("(viewer)", await anonymousAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.True(staff.Headers.CacheControl?.NoStore);
        Assert.False(anonymousAfter.Headers.Contains("Set-Cookie"));

        // The sign-in form carries an antiforgery token and a cookie: never kept.
        var login = await setup.Host.Client.GetAsync("/account/login");
        Assert.Null(Cache(login));
        Assert.True(login.Headers.CacheControl?.NoStore);
    }

    [SkippableFact]
    public async Task A_change_through_one_instance_is_seen_at_once_through_another_on_postgresql()
    {
        await using var setup = await WorkflowSetup.CreateAsync("postgres");
        await using var other = await WebHost.StartAsync(setup.Db.Target);
        var coord = await setup.ApiAsync("coord");
        await WarmAsync(other.Client);
        Assert.Equal("hit", Cache(await other.Client.GetAsync(FindingPage)));

        await PublishAsync(setup, coord, "令和7年10月に調達規程を改正した。");

        var seen = await other.Client.GetAsync(FindingPage);
        Assert.Equal("miss", Cache(seen));
        Assert.Contains("令和7年10月に調達規程を改正した。", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var renamed = await coord.PostAsJsonAsync($"/api/v1/departments/{await DepartmentIdAsync(coord, "DX推進課")}/rename", new { name = "デジタル推進課", from = "2025-04" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("デジタル推進課", await other.Client.GetStringAsync(AuditPage), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task In_the_notify_mode_a_notice_brings_the_change_to_the_other_instance()
    {
        var notify = new Dictionary<string, string?> { ["Kansa:PublicCache:Coherence"] = PublicCacheSettings.Notify };
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using (var context = db.CreateContext())
        {
            Assert.True((await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.SeedFile], false, null, CancellationToken.None)).Succeeded);
        }

        await StaffAccounts.CreateUserAsync(db, "coord", Kansa.Accounts.Roles.Coordinator);
        await using var first = await WebHost.StartAsync(db.Target, notify);
        await using var second = await WebHost.StartAsync(db.Target, notify);
        using var coord = await StaffAccounts.TokenClientAsync(db, first, "coord");
        await WarmAsync(second.Client);
        await WarmAsync(first.Client);

        var renamed = await coord.PostAsJsonAsync($"/api/v1/departments/{await DepartmentIdAsync(coord, "DX推進課")}/rename", new { name = "デジタル推進課", from = "2025-04" });

        // The instance that made the change shows it at once; the other as soon as the notice arrives.
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("デジタル推進課", await first.Client.GetStringAsync(AuditPage), StringComparison.Ordinal);
        var seen = false;
        for (var i = 0; i < 100 && !seen; i++)
        {
            seen = (await second.Client.GetStringAsync(AuditPage)).Contains("デジタル推進課", StringComparison.Ordinal);
            if (!seen)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(seen, "the other instance never showed the new name");
    }

    private static string? Cache(HttpResponseMessage response) =>
        response.Headers.TryGetValues(PublicCache.StatusHeader, out var values) ? values.Single() : null;

    // Reads every page the test checks twice, so that the next read would come from memory if nothing changed.
    private static async Task WarmAsync(HttpClient client)
    {
        foreach (var path in new[] { AuditPage, FindingPage, "/", "/open-data/kansa.json" })
        {
            await client.GetStringAsync(path);
            Assert.Equal("hit", Cache(await client.GetAsync(path)));
        }
    }

    private static async Task<int> PublishAsync(WorkflowSetup setup, HttpClient coord, string content)
    {
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        var id = (int)(await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content })))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approver, $"/api/v1/responses/{id}/approve")).StatusCode);
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{round}/publish")).StatusCode);
        return id;
    }

    private static async Task<int> DepartmentIdAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/v1/departments"))!.Single(d => (string?)d!["name"] == name)!["id"]!.GetValue<int>();
}
