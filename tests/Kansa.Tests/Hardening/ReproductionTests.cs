using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kansa.Calendar;
using Kansa.Rounds;
using Kansa.Tests.Support;

namespace Kansa.Tests.Hardening;

/// <summary>Issue 7's reproductions of items 2 and 4, each answered by a clear Japanese 4xx that names the field.</summary>
public class ReproductionTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Months_and_dates_Kansa_cannot_show_are_refused_by_field_and_nothing_is_stored(string engine)
    {
        var routes = await ApiRoutes.CreateAsync(engine);
        await using var setup = routes.Setup;
        var coord = routes.Coordinator;

        // The open round of the set-up would refuse any second round: publish it first, as in the set-up.
        Assert.Equal(HttpStatusCode.OK, (await coord.PostAsync($"/api/v1/rounds/{routes.RoundId}/publish", null)).StatusCode);
        var before = await DbFingerprint.TakeAsync(setup.Db);
        var next = YearMonth.CurrentInJapan(TimeProvider.System) is var now && now.Month == 12 ? new YearMonth(now.Year + 1, 1) : new YearMonth(now.Year, now.Month + 1);
        foreach (var asOf in new[] { "1800-01", "0226-01", "9999-12", "٢٠٢٥-٠٨", "2025-13", next.ToString() })
        {
            await ExpectFieldAsync(await coord.PostAsJsonAsync("/api/v1/rounds", new { asOf }), HttpStatusCode.BadRequest, "asOf");
        }

        await using (var context = setup.Db.CreateContext())
        {
            var dx = context.Departments.Single(d => d.Name == "DX推進課").Id;
            await ExpectFieldAsync(await coord.PostAsJsonAsync($"/api/v1/departments/{dx}/rename", new { name = "DX推進室", from = "1800-01" }), HttpStatusCode.BadRequest, "from");
            await ExpectFieldAsync(await coord.PostAsJsonAsync($"/api/v1/departments/{dx}/rename", new { name = "DX推進室", from = "9999-12" }), HttpStatusCode.BadRequest, "from");
        }

        await ExpectFieldAsync(await routes.Admin.GetAsync("/api/v1/change-log?to=9999-12-31"), HttpStatusCode.BadRequest, "to");
        await ExpectFieldAsync(await routes.Admin.GetAsync("/api/v1/change-log?from=0001-01-01"), HttpStatusCode.BadRequest, "from");
        var finding = JsonNode.Parse(await coord.GetStringAsync("/api/v1/findings/R5-指-1"))!;
        foreach (var pages in new[] { "P٤٥", "P99999999999" })
        {
            var body = new { title = "件名", reportPages = pages, departments = new[] { "DX推進課" }, version = (string?)finding["version"] };
            await ExpectFieldAsync(await coord.PutAsJsonAsync("/api/v1/findings/R5-指-1", body), HttpStatusCode.BadRequest, "reportPages");
        }

        await ExpectFieldAsync(await coord.PostAsJsonAsync("/api/v1/findings/R5-指-1/requests", new { dueDate = "9999-12-31" }), HttpStatusCode.BadRequest, "dueDate");
        await ExpectFieldAsync(await coord.PostAsync($"/api/v1/rounds/{routes.RoundId}/publish", new StringContent("{", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, null);
        await ExpectFieldAsync(await routes.Editor.PostAsync($"/api/v1/responses/{routes.ResponseId}/submit", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, null);
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
        Assert.Equal(HttpStatusCode.OK, (await coord.GetAsync("/api/v1/rounds")).StatusCode);

        // The public pages refuse digits of other scripts and months out of range with a 400, not a 500.
        using var anonymous = new HttpClient { BaseAddress = setup.Host.Address };
        var page = await anonymous.GetAsync("/audits/R5-包括外部監査?asOf=٢٠٢٥-٠٨");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("時点:", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var url in new[] { "/open-data/kansa.json?asOf=٢٠٢٥-٠٨", "/audits/R5-包括外部監査/report.json?asOf=9999-12", "/open-data/kansa.csv?asOf=1800-01" })
        {
            var download = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
            Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_month_stored_out_of_range_by_an_older_version_is_shown_in_ISO_not_a_500(string engine)
    {
        var routes = await ApiRoutes.CreateAsync(engine);
        await using var setup = routes.Setup;
        await using (var context = setup.Db.CreateContext())
        {
            var round = await context.Rounds.FindAsync(routes.RoundId);
            round!.AsOf = new YearMonth(1800, 1);
            await context.SaveChangesAsync();
        }

        var list = await routes.Coordinator.GetAsync("/api/v1/rounds");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("1800-01", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var staff = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var rounds = await staff.GetAsync("/staff/rounds");
        Assert.Equal(HttpStatusCode.OK, rounds.StatusCode);
        Assert.Contains("1800-01", await rounds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/staff/rounds/{routes.RoundId}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_public_error_page_has_a_heading_and_a_message_for_every_method(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var host = await WebHost.StartAsync(db.Target);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            using var request = new HttpRequestMessage(method, "/no-such-page");
            var response = await host.Client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<h1>ページが見つかりません</h1>", html, StringComparison.Ordinal);
            Assert.Contains("<title>ページが見つかりません", html, StringComparison.Ordinal);
        }

        var bad = await host.Client.GetAsync("/error/400");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<h1>リクエストを処理できません</h1>", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task ExpectFieldAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Matches("[ぁ-んァ-ヶ一-龠]", (string?)problem["title"]);
        if (field is not null)
        {
            Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {text}");
        }
    }
}
