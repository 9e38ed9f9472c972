using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.WorkList;

/// <summary>
/// The coordinator asks for responses to several open findings of the seed in one action (all or nothing, each
/// request in the change log); the department's editor then finds them in the work list as 依頼中. Through the API.
/// </summary>
public class BulkRequestTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Bulk_request_is_all_or_nothing_logged_and_seen_by_the_department(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        var roadEditor = await setup.ApiAsync("road-editor");
        await CompleteAsync(coord, "R5-指-2", "DX推進課");
        await CompleteAsync(coord, "R5-指-5", "DX推進課");

        var open = await ItemsAsync(coord, "/api/v1/staff/findings?stage=not_requested");
        Assert.Equal(22, open.Count);
        var dx = open.Where(i => i["departments"]!.AsArray().Any(d => (string?)d == "DX推進課")).ToList();
        Assert.Equal(["R5-指-1", "R5-指-2", "R5-指-5"], dx.Select(i => (string)i["number"]!));
        var ids = dx.Select(i => (int)i["id"]!).ToArray();
        var orphan = open.First(i => i["departments"]!.AsArray().Count == 0);

        // One finding without a department: nothing is requested, and that finding is named.
        var refused = await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = ids.Append((int)orphan["id"]!).ToArray(), dueDate = "2026-01-30", note = "一括の依頼" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(refused);
        Assert.Contains($"{(string)orphan["number"]!}: 所管課が登録されていないため", (string)problem["errors"]!["findings"]![0]!, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(setup, c => c.ResponseRequests.CountAsync()));

        // An editor may not ask; the body is not even looked at.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, "/api/v1/staff/findings/requests", new { findings = ids, dueDate = "2026-01-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = ids, dueDate = "2026/01/30" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = ids })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = Array.Empty<int>(), dueDate = "2026-01-30" })).StatusCode);
        Assert.Equal(0, await CountAsync(setup, c => c.ResponseRequests.CountAsync()));

        var logBefore = await CountAsync(setup, c => c.ChangeEntries.CountAsync(e => e.EntityType == "ResponseRequest"));
        var made = await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = ids, dueDate = "2026-01-30", note = "一括の依頼" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var madeJson = await ReadAsync(made);
        Assert.Equal(3, (int)madeJson["count"]!);
        Assert.All(madeJson["requests"]!.AsArray(), r => Assert.Equal("2026-01-30", (string)r!["dueDate"]!));
        await using (var context = setup.Db.CreateContext())
        {
            var lines = await context.ChangeEntries.Where(e => e.EntityType == "ResponseRequest").Select(e => new { e.Action, e.Actor, e.After }).ToListAsync();
            Assert.Equal(logBefore + 3, lines.Count);
            Assert.All(lines, l => Assert.Equal(("create", "user:coord"), (l.Action, l.Actor)));
            Assert.All(lines, l => Assert.Contains("一括の依頼", l.After!, StringComparison.Ordinal));
        }

        // Asked again: each already has an open request; the single request refuses it the same way.
        var again = await ReadAsync(await PostAsync(coord, "/api/v1/staff/findings/requests", new { findings = ids, dueDate = "2026-02-27" }));
        Assert.Equal(3, again["errors"]!["findings"]!.AsArray().Count);
        Assert.Contains("回答を待っている依頼", (string)again["errors"]!["findings"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, "/api/v1/findings/R5-指-2/requests", new { dueDate = "2026-02-27" })).StatusCode);
        Assert.Equal(3, await CountAsync(setup, c => c.ResponseRequests.CountAsync()));

        // The editor of the department finds them as 依頼中; another department's editor does not.
        var mine = await ItemsAsync(editor, "/api/v1/staff/findings?stage=requested");
        Assert.Equal(["R5-指-1", "R5-指-2", "R5-指-5"], mine.Select(i => (string)i["number"]!));
        Assert.All(mine, i => Assert.Equal(("依頼中", "2026-01-30"), ((string)i["stageLabel"]!, (string)i["dueDate"]!)));
        Assert.Equal(mine.Count, (await ItemsAsync(editor, "/api/v1/staff/findings?stage=" + Uri.EscapeDataString("依頼中"))).Count);
        Assert.Empty(await ItemsAsync(roadEditor, "/api/v1/staff/findings?stage=requested"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Bad_filters_are_Japanese_problems(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        foreach (var (query, field) in new[] { ("stage=later", "stage"), ("department=abc", "department"), ("page=0", "page"), ("page=x", "page"), ("overdue=yes", "overdue"), ("due=2026-13-01", "due") })
        {
            var response = await coord.GetAsync("/api/v1/staff/findings?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await ReadAsync(response))["errors"]![field]);
        }

        var anonymous = await setup.Host.Client.GetAsync("/api/v1/staff/findings");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task CompleteAsync(HttpClient coordinator, string number, string department)
    {
        var read = await ReadAsync(await coordinator.GetAsync("/api/v1/findings/" + number));
        var completed = await coordinator.PutAsJsonAsync("/api/v1/findings/" + number, new { title = number + " の件名", departments = new[] { department }, version = (string?)read["version"] });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    internal static async Task<List<JsonNode>> ItemsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadAsync(response))["items"]!.AsArray().Select(i => i!)];
    }

    private static async Task<int> CountAsync(WorkflowSetup setup, Func<Kansa.Storage.KansaDbContext, Task<int>> count)
    {
        await using var context = setup.Db.CreateContext();
        return await count(context);
    }
}
