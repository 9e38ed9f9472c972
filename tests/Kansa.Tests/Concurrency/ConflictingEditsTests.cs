using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Concurrency;

/// <summary>
/// The conflicting-edits harness: 1,000 edits of one response (KANSA_CONFLICT_EDITS to change the number), sent ten at
/// a time with the same version over real HTTP, on SQLite and PostgreSQL. Each version has exactly one winner, every
/// other edit gets a 409, and nothing accepted is lost from the text, its steps or the change log.
/// </summary>
public class ConflictingEditsTests(ITestOutputHelper output)
{
    private const int Writers = 10;

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_thousand_conflicting_edits_have_exactly_one_winner_per_version_and_lose_nothing(string engine)
    {
        var total = int.Parse(Environment.GetEnvironmentVariable("KANSA_CONFLICT_EDITS") ?? "1000", CultureInfo.InvariantCulture);
        await using var setup = await CreateAsync(engine);
        var editor = await setup.ApiAsync("dx-editor");
        var draft = await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = "最初の案" }));
        var id = (int)draft["id"]!;
        var version = (string?)draft["version"];
        var winners = new List<string>();
        var clock = Stopwatch.StartNew();

        for (var turn = 0; turn < total / Writers; turn++)
        {
            var read = version;
            var t = turn;
            var answers = await Simultaneous.SendAsync(Writers, w =>
                editor.PutAsJsonAsync($"/api/v1/responses/{id}", new { status = "措置中", content = $"{t} 回目・{w} 番の案", version = read }));

            var won = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
            Assert.True(won.Count == 1, $"version {read}: {won.Count} winners ({string.Join(", ", answers.Select(a => (int)a.StatusCode))})");
            Assert.Equal(Writers - 1, answers.Count(HttpStatusCode.Conflict));
            var saved = await ReadAsync(won[0]);
            winners.Add((string)saved["content"]!);
            version = (string?)saved["version"];
            Assert.NotEqual(read, version);
        }

        output.WriteLine($"{engine}: {winners.Count * Writers} edits, {winners.Count} versions, {clock.Elapsed.TotalSeconds:F1} s");
        var now = await ReadAsync(await editor.GetAsync($"/api/v1/responses/{id}"));
        Assert.Equal(winners[^1], (string?)now["content"]);
        Assert.Equal(["最初の案", .. winners], now["steps"]!.AsArray().Select(s => (string)s!["content"]!).ToArray());

        await using var db = setup.Db.CreateContext();
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(winners.Count, await db.ChangeEntries.CountAsync(e => e.EntityType == "Response" && e.EntityKey == key && e.Action == "update"));
    }
}
