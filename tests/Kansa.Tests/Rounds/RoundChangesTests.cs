using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Kansa.Calendar;
using Kansa.Import;
using Kansa.Tests.Support;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Rounds;

/// <summary>
/// Issue 6 item 3: what changed between two months of one audit, as <c>kansa diff</c> and /audits/{key}/changes,
/// checked against the two reports the exports write for those months, on both engines.
/// </summary>
public class RoundChangesTests
{
    private const string Audit = "R5-包括外部監査";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_seed_from_2025_01_to_2025_08_lists_what_the_two_exports_say_changed(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        await using (var context = db.CreateContext())
        {
            Assert.Empty((await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.SeedFile], false, null, CancellationToken.None)).Problems);
        }

        var diff = await CliRun.RunAsync("diff", "--audit", Audit, "--from", "2025-01", "--to", "2025-08", "--format", "json", "--db", db.DbArgument);
        Assert.True(diff.ExitCode == 0, diff.Error);
        var changes = JsonNode.Parse(diff.Out)!;

        // The expectation comes from the public exports of the two months, not from the comparison under test.
        var before = Findings(await ExportAsync(db, "2025-01"));
        var after = Findings(await ExportAsync(db, "2025-08"));
        var done = after.Where(f => (string?)f.Value["state"] == "done" && (string?)before[f.Key]["state"] != "done").Select(f => f.Key);
        var published = after.Where(f => f.Value["published"] is not null && (string?)f.Value["published"] != (string?)before[f.Key]["published"]).Select(f => f.Key);
        var words = after.Where(f => (string?)f.Value["status"] != (string?)before[f.Key]["status"]).Select(f => f.Key);
        var open = after.Where(f => (string?)f.Value["state"] is "open" or "in_progress").Select(f => f.Key);
        Assert.Equal(done.Order(StringComparer.Ordinal), Numbers(changes, "newlyDone"));
        Assert.Equal(published.Order(StringComparer.Ordinal), Numbers(changes, "newlyPublished"));
        Assert.Equal(words.Order(StringComparer.Ordinal), Numbers(changes, "wordsChanged"));
        Assert.Equal(open.Order(StringComparer.Ordinal), Numbers(changes, "stillOpen"));
        Assert.Empty(changes["corrected"]!.AsArray());

        // Facts of the seed: R5-意-24 was published as 対応済 in R7.5, R5-意-9 in R7.1 (already there in January); the
        // summary of 2025-08 has 3 未措置 and 19 未対応.
        Assert.Contains("R5-意-24", Numbers(changes, "newlyDone"));
        Assert.Contains("R5-意-24", Numbers(changes, "newlyPublished"));
        Assert.DoesNotContain("R5-意-9", Numbers(changes, "newlyPublished"));
        Assert.True(Numbers(changes, "newlyDone").Count > 0);
        Assert.Equal(22, open.Count(n => (string?)after[n]["state"] == "open"));

        var text = await CliRun.RunAsync("diff", "--audit", Audit, "--from", "令和7年1月", "--to", "R7.8", "--db", db.DbArgument);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("令和5年度包括外部監査の結果に対する対応状況: 令和7年1月現在から令和7年8月現在までの変更", text.Out, StringComparison.Ordinal);
        Assert.Contains($"新たに措置済・対応済になったもの ({Numbers(changes, "newlyDone").Count}件)", text.Out, StringComparison.Ordinal);
        Assert.Contains("R5-意-24", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text.Out, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_published_round_and_a_correction_show_with_the_reason_on_the_page_and_in_the_command(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var id = await ApprovedAsync(setup, "R5-指-1", "措置済", "規程を改正した。\n\n・調達規程\n・運用要領");
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{round}/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coord, $"/api/v1/responses/{id}/corrections", new { content = "情報システム調達規程を改正した。", reason = "規程の名称の誤り" })).StatusCode);

        // Up to 2025-11 the round is there (with the corrected text: a correction speaks for every month); the correction
        // itself, made this month, is a change only of a period that reaches this month.
        var now = YearMonth.CurrentInJapan(TimeProvider.System);
        var toRound = JsonNode.Parse((await CliRun.RunAsync("diff", "--audit", Audit, "--from", "2025-08", "--to", "2025-11", "--format", "json", "--db", setup.Db.DbArgument)).Out)!;
        Assert.Equal(["R5-指-1"], Numbers(toRound, "newlyDone"));
        Assert.Equal(["R5-指-1"], Numbers(toRound, "newlyPublished"));
        Assert.Equal(["R5-指-1"], Numbers(toRound, "wordsChanged"));
        var changed = toRound["wordsChanged"]![0]!;
        Assert.Equal("未措置", (string?)changed["fromStatus"]);
        Assert.Equal("措置済", (string?)changed["toStatus"]);
        Assert.Equal("情報システム調達規程を改正した。", (string?)toRound["newlyPublished"]![0]!["response"]);
        Assert.Empty(toRound["corrected"]!.AsArray());

        var run = await CliRun.RunAsync("diff", "--audit", Audit, "--from", "2025-08", "--to", now.ToString(), "--db", setup.Db.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("訂正された内容 (理由つき) (1件)", run.Out, StringComparison.Ordinal);
        Assert.Contains("理由: 規程の名称の誤り", run.Out, StringComparison.Ordinal);
        Assert.Contains("訂正前: 規程を改正した。 / ・調達規程 / ・運用要領", run.Out, StringComparison.Ordinal);
        Assert.Contains("訂正後: 情報システム調達規程を改正した。", run.Out, StringComparison.Ordinal);

        var page = await setup.Host.Client.GetAsync($"/audits/{Uri.EscapeDataString(Audit)}/changes?from=2025-08&to={now}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var body = document.Body!.TextContent;
        Assert.Contains("令和7年8月現在から", body, StringComparison.Ordinal);
        Assert.Contains("規程の名称の誤り", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", body, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("ul.plain-list li"), li => li.TextContent == "・調達規程");
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/audits/{Uri.EscapeDataString(Audit)}/findings/{Uri.EscapeDataString("R5-指-1")}");

        // The audit page links to the changes; without months the page compares the two latest publications.
        var auditPage = await setup.Host.Client.GetStringAsync($"/audits/{Uri.EscapeDataString(Audit)}");
        Assert.Contains($"/audits/{Uri.EscapeDataString(Audit)}/changes", auditPage, StringComparison.Ordinal);
        var latest = await setup.Host.Client.GetStringAsync($"/audits/{Uri.EscapeDataString(Audit)}/changes");
        Assert.Contains("令和7年8月現在から令和7年11月現在までの変更", latest, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Months_that_cannot_be_compared_and_unknown_audits_are_refused_in_Japanese_never_with_a_500(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var client = setup.Host.Client;
        var path = $"/audits/{Uri.EscapeDataString(Audit)}/changes";

        foreach (var (query, says) in new[]
        {
            ("from=2025-13&to=2025-08", "比べる前の月: "),
            ("from=1800-01&to=2025-08", "比べる前の月: "),
            ("from=2025-01&to=%E3%81%82", "「あ」を年月として読めません"),
            ("from=2025-08&to=2025-01", "比べる前の月: 令和7年8月が比べる後の月の令和7年1月より後です"),
            ("from=2025-01", "比べる後の月: 年月を指定してください"),
            ("from=a%00b&to=2025-08", "比べる前の月: "),
        })
        {
            var answer = await client.GetAsync($"{path}?{query}");
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)answer.StatusCode}");
            Assert.Contains(says, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var unknown = await client.GetAsync("/audits/R9-%E3%81%AA%E3%81%84/changes?from=2025-01&to=2025-08");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("監査「R9-ない」は登録されていません", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var db = setup.Db.DbArgument;
        var missingAudit = await CliRun.RunAsync("diff", "--audit", "R9-ない", "--from", "2025-01", "--to", "2025-08", "--db", db);
        Assert.Equal(1, missingAudit.ExitCode);
        Assert.Contains("--audit: 監査「R9-ない」は登録されていません (登録済み: R5-包括外部監査)", missingAudit.Error, StringComparison.Ordinal);
        var reversed = await CliRun.RunAsync("diff", "--audit", Audit, "--from", "2025-08", "--to", "2025-01", "--db", db);
        Assert.Equal(1, reversed.ExitCode);
        Assert.Contains("--from: 比べる前の月: 令和7年8月が比べる後の月の令和7年1月より後です", reversed.Error, StringComparison.Ordinal);
        var badMonth = await CliRun.RunAsync("diff", "--audit", Audit, "--from", "2025-13", "--to", "2025-08", "--db", db);
        Assert.Equal(1, badMonth.ExitCode);
        Assert.StartsWith("--from: 比べる前の月: ", badMonth.Error, StringComparison.Ordinal);
        var missing = await CliRun.RunAsync("diff", "--audit", Audit, "--db", db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--from、--to を指定してください", missing.Error, StringComparison.Ordinal);
        Assert.Empty(missing.Out);
    }

    /// <summary>A response of <paramref name="number"/> drafted, submitted and approved by DX推進課; its id.</summary>
    public static async Task<int> ApprovedAsync(Workflow.WorkflowSetup setup, string number, string status, string content)
    {
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        var drafted = await PostAsync(editor, $"/api/v1/findings/{number}/responses", new { status, content });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (int)(await ReadAsync(drafted))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approver, $"/api/v1/responses/{id}/approve")).StatusCode);
        return id;
    }

    private static List<string> Numbers(JsonNode changes, string list) =>
        [.. changes[list]!.AsArray().Select(f => (string)f!["number"]!).Order(StringComparer.Ordinal)];

    private static Dictionary<string, JsonNode> Findings(JsonNode report) =>
        report["audits"]![0]!["findings"]!.AsArray().ToDictionary(f => (string)f!["number"]!, f => f!);

    private static async Task<JsonNode> ExportAsync(TestDatabase db, string asOf)
    {
        var run = await CliRun.RunAsync("export", "--format", "json", "--as-of", asOf, "--db", db.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(run.Out)!;
    }
}
