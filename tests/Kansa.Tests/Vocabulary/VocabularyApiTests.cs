using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Import;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Vocabulary;

/// <summary>
/// The words editors may pick, per category, through /api/v1/vocabulary and the response API: the defaults, a
/// coordinator's choice, refusals, the change log, a draft that keeps an unchosen word, and imports that still read
/// every mapped word. Both engines.
/// </summary>
public class VocabularyApiTests
{
    /// <summary>The standard words of 指摘, done first.</summary>
    public static readonly string[] FindingDefaults = ["措置済", "措置中", "未措置", "措置を行わない"];

    /// <summary>The standard words of 意見, done first.</summary>
    public static readonly string[] OpinionDefaults = ["対応済", "対応中", "未対応", "対応しない"];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Nothing_chosen_offers_the_four_standard_words_of_each_category(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await setup.ApiAsync("dx-editor");

        var words = await ReadAsync(await editor.GetAsync("/api/v1/vocabulary"));

        Assert.Equal(FindingDefaults, Strings(words["finding"]));
        Assert.Equal(OpinionDefaults, Strings(words["opinion"]));
        var finding = words["categories"]![0]!;
        Assert.Equal(("finding", "指摘", true), ((string?)finding["field"], (string?)finding["category"], (bool)finding["isDefault"]!));
        var mapped = finding["words"]!.AsArray().ToDictionary(w => (string)w!["word"]!, w => ((string)w!["state"]!, (bool)w["chosen"]!));
        Assert.Equal(("done", false), mapped["措置済み"]);
        Assert.Equal(("in_progress", false), mapped["検討中"]);
        Assert.Equal(("open", true), mapped["未措置"]);
        Assert.False(mapped.ContainsKey("対応済"));

        var refused = await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済み", content = "規程を改正した。" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("対応区分: 「措置済み」は指摘の対応区分として選べません。選べる語 (措置済、措置中、未措置、措置を行わない) から選んでください。",
            (string?)(await ReadAsync(refused))["errors"]!["status"]![0]);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "規程を改正した。" })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_widens_then_narrows_the_words_and_the_editor_follows_and_the_log_records_it(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinator = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");

        var widened = await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = Words("措置済", "措置済み", "措置中", "未措置"), opinion = OpinionDefaults });
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        var answer = await ReadAsync(widened);
        Assert.Equal(["措置済", "措置済み", "措置中", "未措置"], Strings(answer["finding"]));
        Assert.False((bool)answer["categories"]![0]!["isDefault"]!);
        Assert.Equal(["措置済", "措置済み", "措置中", "未措置"], Strings((await ReadAsync(await editor.GetAsync("/api/v1/vocabulary")))["finding"]));

        var drafted = await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済み", content = "規程を改正した。" }));
        Assert.Equal("措置済み", (string?)drafted["status"]);

        // Narrowed to the four standard words: the draft keeps its word, but no other unchosen word is accepted.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = FindingDefaults, opinion = OpinionDefaults })).StatusCode);
        var id = (int)drafted["id"]!;
        var kept = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済み", content = "規程を改正した (10月)。", version = (string?)drafted["version"] });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var keptBody = await ReadAsync(kept);
        var other = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置完了", content = "x", version = (string?)keptBody["version"] });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("「措置完了」は指摘の対応区分として選べません", (string?)(await ReadAsync(other))["errors"]!["status"]![0], StringComparison.Ordinal);
        var changed = await ReadAsync(await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済", content = "規程を改正した。", version = (string?)keptBody["version"] }));
        Assert.Equal("措置済", (string?)changed["status"]);
        var back = await editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置済み", content = "x", version = (string?)changed["version"] });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);

        await using var db = setup.Db.CreateContext();
        var lines = await db.ChangeEntries.AsNoTracking().Where(e => e.EntityType == "StatusWordChoice").OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.Actor, e.Before, e.After }).ToListAsync();
        // Widening creates the eight words of both categories; narrowing removes 措置済み and adds 措置を行わない.
        Assert.Equal(8 + 2, lines.Count);
        Assert.Contains(lines.Skip(8), l => l.Action == "create" && l.After!.Contains("\"Word\":\"措置を行わない\"", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal("user:coord", l.Actor));
        Assert.Contains(lines, l => l.Action == "create" && l.After!.Contains("\"Word\":\"措置済み\"", StringComparison.Ordinal));
        var removed = Assert.Single(lines, l => l.Action == "delete");
        Assert.Contains("\"Word\":\"措置済み\"", removed.Before, StringComparison.Ordinal);
        Assert.Contains("\"Category\":\"Finding\"", removed.Before, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_choice_without_a_done_or_an_open_word_or_with_a_foreign_word_is_refused_and_changes_nothing(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinator = await setup.ApiAsync("coord");

        async Task<JsonNode> RefusedAsync(object body, HttpStatusCode status = HttpStatusCode.BadRequest, HttpClient? client = null)
        {
            var response = await (client ?? coordinator).PutAsJsonAsync("/api/v1/vocabulary", body);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await ReadAsync(response);
        }

        var empty = await RefusedAsync(new { finding = Array.Empty<string>(), opinion = OpinionDefaults });
        Assert.Equal(["指摘の対応区分: 済んだことを表す語 (完了) を1つ以上選んでください。", "指摘の対応区分: まだ済んでいないことを表す語 (未着手または対応中) を1つ以上選んでください。"],
            Strings(empty["errors"]!["finding"]));
        Assert.Null(empty["errors"]!["opinion"]);
        var onlyDone = await RefusedAsync(new { finding = Words("措置済", "措置を行わない"), opinion = OpinionDefaults });
        Assert.Equal(["指摘の対応区分: まだ済んでいないことを表す語 (未着手または対応中) を1つ以上選んでください。"], Strings(onlyDone["errors"]!["finding"]));
        var onlyOpen = await RefusedAsync(new { finding = FindingDefaults, opinion = Words("未対応", "対応中") });
        Assert.Equal(["意見の対応区分: 済んだことを表す語 (完了) を1つ以上選んでください。"], Strings(onlyOpen["errors"]!["opinion"]));
        var foreign = await RefusedAsync(new { finding = FindingDefaults, opinion = Words("対応済", "未対応", "措置済", "完璧") });
        Assert.Equal(["意見の対応区分: 「措置済」は意見の語彙にありません。一覧にある語から選んでください。", "意見の対応区分: 「完璧」は意見の語彙にありません。一覧にある語から選んでください。"],
            Strings(foreign["errors"]!["opinion"]));
        var missing = await RefusedAsync(new { finding = FindingDefaults });
        Assert.NotNull(missing["errors"]!["opinion"]);
        var forbidden = await RefusedAsync(new { finding = FindingDefaults, opinion = OpinionDefaults }, HttpStatusCode.Forbidden, await setup.ApiAsync("dx-editor"));
        Assert.Equal("この操作はできません", (string?)forbidden["title"]);

        var words = await ReadAsync(await coordinator.GetAsync("/api/v1/vocabulary"));
        Assert.True((bool)words["categories"]![0]!["isDefault"]! && (bool)words["categories"]![1]!["isDefault"]!);
        await using var db = setup.Db.CreateContext();
        Assert.Equal(0, await db.StatusWordChoices.CountAsync());

        // Widths and spaces are folded as everywhere else; a word given twice counts once.
        var folded = await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = Words("措置済", " 措置済 ", "未措置", "改善済"), opinion = Words("対応済", "検討中") });
        Assert.Equal(HttpStatusCode.OK, folded.StatusCode);
        Assert.Equal(["措置済", "改善済", "未措置"], Strings((await ReadAsync(folded))["finding"]));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Imports_of_status_reports_still_read_every_mapped_word(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinator = await setup.ApiAsync("coord");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = Words("措置済", "未措置"), opinion = Words("対応済", "未対応") })).StatusCode);

        using var dir = new TempDir();
        var file = dir.Write("teiki.txt", ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済み (R7.8)"), ReportText.Row("R5-意-1", "意見", "検討中 (R7.8)")],
            ReportText.Summary(1, 0, 0, 1),
            title: "令和5年度定期監査の結果に対する対応状況(令和7年8月現在)"));
        await using var db = setup.Db.CreateContext();
        var imported = await new ImportStatusReports(db, TimeProvider.System).RunAsync([file], false, null, CancellationToken.None);

        Assert.Empty(imported.Problems);
        var words = await db.StatusRecords.AsNoTracking().Join(db.Findings.Where(f => f.Audit!.Kind == "定期監査"), r => r.FindingId, f => f.Id, (r, f) => r.Word).ToListAsync();
        Assert.Equal(["措置済み", "検討中"], words.OrderByDescending(w => w.Length));
    }

    /// <summary>A list of words for a request body.</summary>
    public static string[] Words(params string[] words) => words;

    /// <summary>The strings of a JSON array.</summary>
    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];
}
