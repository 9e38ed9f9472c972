using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.ChangeLog;
using Kansa.Findings;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Workflow;

/// <summary>Issue 3's "done when": from a draft to a published round and a correction, over HTTP with API tokens.</summary>
public class LifecycleTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_response_goes_from_draft_to_a_published_round_and_a_logged_correction(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        var roadEditor = await setup.ApiAsync("road-editor");

        var requested = await PostAsync(coord, "/api/v1/findings/R5-指-1/requests", new { dueDate = "2025-10-31", note = "11月の公表に向けて" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);

        var drafted = await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "令和7年10月に調達規程を改正した。" });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draft = await ReadAsync(drafted);
        var id = (int)draft["id"]!;
        Assert.Equal("R5-指-1", (string?)draft["number"]);
        Assert.Equal("draft", (string?)draft["stage"]);
        Assert.Equal("done", (string?)draft["state"]);
        Assert.NotNull(draft["version"]);
        Assert.Single(draft["steps"]!.AsArray());

        // Another department's editor learns nothing of the draft and cannot act on it.
        Assert.Equal(HttpStatusCode.NotFound, (await roadEditor.GetAsync($"/api/v1/responses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await roadEditor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済", content = "x", version = (string?)draft["version"] })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(roadEditor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(roadEditor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/v1/responses/{id}/approve")).StatusCode);
        var approved = await PostAsync(approver, $"/api/v1/responses/{id}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (string?)(await ReadAsync(approved))["stage"]);

        var opened = await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var roundId = (int)(await ReadAsync(opened))["id"]!;
        var preview = JsonNode.Parse(await coord.GetStringAsync($"/api/v1/rounds/{roundId}/preview?format=json"))!;
        Assert.Equal("2025-11", (string?)preview["asOf"]);
        Assert.Equal("2025-11", (string?)Finding(preview, "R5-指-1")["published"]);
        Assert.Contains("令和7年11月現在", await coord.GetStringAsync($"/api/v1/rounds/{roundId}/preview?format=text"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/v1/rounds/{roundId}/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{roundId}/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, $"/api/v1/rounds/{roundId}/publish")).StatusCode);

        var latest = await ExportAsync(setup, null);
        var finding = Finding(latest, "R5-指-1");
        Assert.Equal("措置済", (string?)finding["status"]);
        Assert.Equal("2025-11", (string?)finding["published"]);
        Assert.Equal("令和7年10月に調達規程を改正した。", (string?)finding["response"]);
        Assert.Equal((5, 2), Summary(latest));
        Assert.Equal((4, 3), Summary(await ExportAsync(setup, "2025-08")));
        Assert.Equal(preview["audits"]![0]!["findings"]!.ToJsonString(), latest["audits"]![0]!["findings"]!.ToJsonString());

        // The published text is frozen for the department; only an admin or coordinator corrects it, with a reason.
        var published = await ReadAsync(await editor.GetAsync($"/api/v1/responses/{id}"));
        Assert.Equal("published", (string?)published["stage"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済", content = "書き換え", version = (string?)published["version"] })).StatusCode);
        var correction = new { content = "令和7年10月に情報システム調達規程を改正した。", reason = "規程の名称の誤り" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/v1/responses/{id}/corrections", correction)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(approver, $"/api/v1/responses/{id}/corrections", correction)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, $"/api/v1/responses/{id}/corrections", new { content = "x", reason = "" })).StatusCode);
        var corrected = await PostAsync(coord, $"/api/v1/responses/{id}/corrections", correction);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(
            ["drafted", "submitted", "approved", "published", "corrected"],
            (await ReadAsync(corrected))["steps"]!.AsArray().Select(s => (string)s!["action"]!).ToArray());

        var page = await setup.Host.Client.GetStringAsync("/findings/R5-指-1");
        Assert.Contains("訂正", page, StringComparison.Ordinal);
        Assert.Contains("規程の名称の誤り", page, StringComparison.Ordinal);
        Assert.Contains("令和7年10月に情報システム調達規程を改正した。", page, StringComparison.Ordinal);
        var afterCorrection = await ExportAsync(setup, null);
        Assert.Equal("2025-11", (string?)Finding(afterCorrection, "R5-指-1")["published"]);
        Assert.Equal("令和7年10月に情報システム調達規程を改正した。", (string?)Finding(afterCorrection, "R5-指-1")["response"]);

        await using var context = setup.Db.CreateContext();
        var log = await context.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Null(ChangeChain.Verify(log, setup.Db.AuditKey).Problem);
        Assert.Contains(log, e => e.EntityType == "ResponseRequest" && e.Actor == "user:coord");
        foreach (var (action, actor) in new[] { ("drafted", "dx-editor"), ("submitted", "dx-editor"), ("approved", "dx-approver"), ("published", "coord"), ("corrected", "coord") })
        {
            Assert.Contains(log, e => e.EntityType == "ResponseStep" && e.Action == "create" && e.Actor == "user:" + actor && e.After!.Contains($"\"{action}\"", StringComparison.Ordinal));
        }

        Assert.Contains(log, e => e.EntityType == "PublicationRound" && e.Action == "update" && e.Actor == "user:coord");
        Assert.Contains(log, e => e.EntityType == "StatusRecord" && e.Actor == "user:coord" && e.After!.Contains("規程の名称の誤り", StringComparison.Ordinal));
        Assert.Equal(0, (await CliRun.RunAsync("change-log", "verify", "--db", setup.Db.DbArgument)).ExitCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_returned_response_is_edited_and_submitted_again(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(approver, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = "x" })).StatusCode);
        var unknownWord = await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "完璧", content = "" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownWord.StatusCode);
        var errors = (await ReadAsync(unknownWord))["errors"]!;
        Assert.Contains("語彙にありません", (string?)errors["status"]![0], StringComparison.Ordinal);
        Assert.NotNull(errors["content"]);

        var id = (int)(await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = "検討を始めた。" })))["id"]!;
        await PostAsync(editor, $"/api/v1/responses/{id}/submit");

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(approver, $"/api/v1/responses/{id}/return", new { comment = " " })).StatusCode);
        var returned = await ReadAsync(await PostAsync(approver, $"/api/v1/responses/{id}/return", new { comment = "時期を書いてください" }));
        Assert.Equal("returned", (string?)returned["stage"]);
        var edited = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置中", content = "令和7年9月に検討を始めた。", version = (string?)returned["version"] });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var resubmitted = await ReadAsync(await PostAsync(editor, $"/api/v1/responses/{id}/submit"));

        Assert.Equal("submitted", (string?)resubmitted["stage"]);
        Assert.Equal("in_progress", (string?)resubmitted["state"]);
        var steps = resubmitted["steps"]!.AsArray();
        Assert.Equal(["drafted", "submitted", "returned", "edited", "submitted"], steps.Select(s => (string)s!["action"]!).ToArray());
        Assert.Equal("時期を書いてください", (string?)steps[2]!["comment"]);
        Assert.Equal("検討を始めた。", (string?)steps[0]!["content"]);
        Assert.Equal("user:dx-approver", (string?)steps[2]!["by"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict_and_nothing_is_lost(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await setup.ApiAsync("dx-editor");
        var draft = await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = "最初の案" }));
        var id = (int)draft["id"]!;
        var version = (string?)draft["version"];

        var first = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置中", content = "Aさんの案", version });
        var second = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済", content = "Bさんの案", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ほかの人が変更しました", (string?)(await ReadAsync(second))["detail"], StringComparison.Ordinal);
        var now = await ReadAsync(await editor.GetAsync($"/api/v1/responses/{id}"));
        Assert.Equal("Aさんの案", (string?)now["content"]);
        Assert.Equal(["最初の案", "Aさんの案"], now["steps"]!.AsArray().Select(s => (string)s!["content"]!).ToArray());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(editor, $"/api/v1/responses/{id}/submit", new { version })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_due_date_moves_only_with_a_reason_and_the_original_stays_visible(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, "/api/v1/findings/R5-指-1/requests", new { dueDate = "2025-10-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/findings/R5-指-1/requests", new { dueDate = "10/31" })).StatusCode);
        var id = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/findings/R5-指-1/requests", new { dueDate = "2025-10-31" })))["id"]!;

        var refused = await PostAsync(coord, $"/api/v1/requests/{id}/due-date", new { dueDate = "2025-12-26", reason = "" });
        var moved = await PostAsync(coord, $"/api/v1/requests/{id}/due-date", new { dueDate = "2025-12-26", reason = "議会日程のため" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await ReadAsync(refused))["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var request = await ReadAsync(moved);
        Assert.Equal("2025-12-26", (string?)request["dueDate"]);
        Assert.Equal("2025-10-31", (string?)request["originalDueDate"]);
        Assert.Equal("議会日程のため", (string?)request["dueDateChanges"]![0]!["reason"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rounds_are_for_coordinators_one_open_at_a_time(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var viewer = await setup.ApiAsync("viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(viewer, "/api/v1/rounds", new { asOf = "2025-11" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/rounds", new { asOf = "令和7年11月" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(coord, "/api/v1/rounds", new { asOf = "2026-05" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(setup.Host.Client, "/api/v1/rounds", new { asOf = "2026-05" })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_response_approved_after_the_preview_is_not_published_unseen(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        async Task<int> ApprovedAsync(string number)
        {
            var id = (int)(await ReadAsync(await PostAsync(editor, $"/api/v1/findings/{number}/responses", new { status = "措置済", content = number + " の措置" })))["id"]!;
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(approver, $"/api/v1/responses/{id}/approve")).StatusCode);
            return id;
        }

        var seen = await ApprovedAsync("R5-指-1");
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        await coord.GetStringAsync($"/api/v1/rounds/{round}/preview?format=json");
        await ApprovedAsync("R5-指-3");

        var stale = await PostAsync(coord, $"/api/v1/rounds/{round}/publish", new { responseIds = new[] { seen } });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("プレビュー", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((4, 3), Summary(await ExportAsync(setup, null)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_round_cannot_be_dated_before_one_already_published(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var opened = await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" }));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{(int)opened["id"]!}/publish")).StatusCode);

        var backdated = await PostAsync(coord, "/api/v1/rounds", new { asOf = "2024-08" });

        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        Assert.Contains("公表済み", await backdated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-12" })).StatusCode);
    }

    private static JsonNode Finding(JsonNode report, string number) =>
        report["audits"]![0]!["findings"]!.AsArray().Single(f => (string?)f!["number"] == number)!;

    private static (int Done, int Open) Summary(JsonNode report)
    {
        var rows = report["audits"]![0]!["summary"]!.AsArray();
        int Count(string status) => (int)rows.Single(r => (string?)r!["category"] == "指摘" && (string?)r["status"] == status)!["count"]!;
        return (Count("措置済"), Count("未措置"));
    }

    private static async Task<JsonNode> ExportAsync(WorkflowSetup setup, string? asOf)
    {
        string[] args = asOf is null
            ? ["export", "--format", "json", "--db", setup.Db.DbArgument]
            : ["export", "--format", "json", "--as-of", asOf, "--db", setup.Db.DbArgument];
        var run = await CliRun.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(run.Out)!;
    }
}
