using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Hardening;

/// <summary>What a JSON field holds, which decides the hostile values sent in its place.</summary>
public enum FieldKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A month, YYYY-MM.</summary>
    Month,

    /// <summary>A day, YYYY-MM-DD.</summary>
    Date,

    /// <summary>An integer.</summary>
    WholeNumber,

    /// <summary>A version (Guid).</summary>
    Version,

    /// <summary>Report pages, P45.</summary>
    Pages,

    /// <summary>A list of integers.</summary>
    IntList,

    /// <summary>A list of names.</summary>
    TextList,
}

/// <summary>One write route of /api/v1 with a body that would be accepted, and the fields to attack.</summary>
/// <param name="Name">For messages.</param>
/// <param name="Client">Who calls it: a role that passes the authorization check, so that validation is reached.</param>
/// <param name="Method">POST or PUT.</param>
/// <param name="Path">The path.</param>
/// <param name="Template">A body that is valid (or refused only for the state of the data).</param>
/// <param name="Fields">The fields to replace by hostile values.</param>
/// <param name="BodyOptional">Whether the route accepts no body at all (submit, approve, return, publish).</param>
public sealed record ApiRoute(string Name, HttpClient Client, HttpMethod Method, string Path, JsonObject Template, (string Field, FieldKind Kind)[] Fields, bool BodyOptional = false);

/// <summary>
/// The seed imported, the accounts of <see cref="WorkflowSetup"/>, and the things the write routes act on: a request,
/// a draft response of DX推進課, an open round (2025-11), the ids of two departments.
/// </summary>
public sealed class ApiRoutes
{
    private static readonly string[] DxOnly = ["DX推進課"];
    private static readonly string[] FindingWords = ["措置済", "措置中", "未措置"];
    private static readonly string[] OpinionWords = ["対応済", "未対応"];

    private ApiRoutes(WorkflowSetup setup) => Setup = setup;

    /// <summary>The app and database.</summary>
    public WorkflowSetup Setup { get; }

    /// <summary>A coordinator's client.</summary>
    public HttpClient Coordinator { get; private set; } = null!;

    /// <summary>An admin's client (the change log).</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>DX推進課's editor.</summary>
    public HttpClient Editor { get; private set; } = null!;

    /// <summary>DX推進課's approver.</summary>
    public HttpClient Approver { get; private set; } = null!;

    /// <summary>The draft response.</summary>
    public int ResponseId { get; private set; }

    /// <summary>The open round.</summary>
    public int RoundId { get; private set; }

    /// <summary>Every write route with a template body.</summary>
    public IReadOnlyList<ApiRoute> Writes { get; private set; } = [];

    /// <summary>Builds it on an engine.</summary>
    public static async Task<ApiRoutes> CreateAsync(string engine)
    {
        var routes = new ApiRoutes(await WorkflowSetup.CreateAsync(engine));
        await routes.PrepareAsync();
        return routes;
    }

    private async Task PrepareAsync()
    {
        Coordinator = await Setup.ApiAsync("coord");
        Admin = await Setup.ApiAsync("admin");
        Editor = await Setup.ApiAsync("dx-editor");
        Approver = await Setup.ApiAsync("dx-approver");
        var request = await Expect(Coordinator.PostAsJsonAsync("/api/v1/findings/R5-指-1/requests", new { dueDate = "2025-10-31", note = "依頼" }));
        var draft = await Expect(Editor.PostAsJsonAsync("/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "下書き" }));
        var round = await Expect(Coordinator.PostAsJsonAsync("/api/v1/rounds", new { asOf = "2025-11" }));
        ResponseId = (int)draft["id"]!;
        RoundId = (int)round["id"]!;
        var responseVersion = (string)draft["version"]!;
        var finding = await Expect(Coordinator.GetAsync("/api/v1/findings/R5-指-1"));
        await using var context = Setup.Db.CreateContext();
        var dx = await context.Departments.Where(d => d.Name == "DX推進課").Select(d => d.Id).FirstAsync();
        var road = await context.Departments.Where(d => d.Name == "路政課").Select(d => d.Id).FirstAsync();
        var audit = await context.Audits.Where(a => a.Key == "R5-包括外部監査").Select(a => a.Version).FirstAsync();
        var requestId = (int)request["id"]!;
        var v = responseVersion;
        JsonObject Body(object o) => JsonSerializerNode(o);
        Writes =
        [
            new("open round", Coordinator, HttpMethod.Post, "/api/v1/rounds", Body(new { asOf = "2025-12" }), [("asOf", FieldKind.Month)]),
            new("cancel round", Coordinator, HttpMethod.Post, $"/api/v1/rounds/{RoundId}/cancel", Body(new { reason = "月を誤って開いたため" }), [("reason", FieldKind.Text)]),
            new("publish", Coordinator, HttpMethod.Post, $"/api/v1/rounds/{RoundId}/publish", Body(new { responseIds = Array.Empty<int>() }), [("responseIds", FieldKind.IntList)], BodyOptional: true),
            new("request", Coordinator, HttpMethod.Post, "/api/v1/findings/R5-指-1/requests", Body(new { dueDate = "2026-01-31", note = "メモ" }), [("dueDate", FieldKind.Date), ("note", FieldKind.Text)]),
            new("due date", Coordinator, HttpMethod.Post, $"/api/v1/requests/{requestId}/due-date", Body(new { dueDate = "2026-02-27", reason = "理由" }), [("dueDate", FieldKind.Date), ("reason", FieldKind.Text)]),
            new("draft", Editor, HttpMethod.Post, "/api/v1/findings/R5-指-3/responses", Body(new { status = "措置済", content = "内容" }), [("status", FieldKind.Text), ("content", FieldKind.Text)]),
            new("edit", Editor, HttpMethod.Put, $"/api/v1/responses/{ResponseId}", Body(new { status = "措置済", content = "編集", version = v }), [("status", FieldKind.Text), ("content", FieldKind.Text), ("version", FieldKind.Version)]),
            new("submit", Editor, HttpMethod.Post, $"/api/v1/responses/{ResponseId}/submit", Body(new { version = v }), [("version", FieldKind.Version)], BodyOptional: true),
            new("approve", Approver, HttpMethod.Post, $"/api/v1/responses/{ResponseId}/approve", Body(new { version = v }), [("version", FieldKind.Version)], BodyOptional: true),
            new("return", Approver, HttpMethod.Post, $"/api/v1/responses/{ResponseId}/return", Body(new { comment = "差戻し", version = v }), [("comment", FieldKind.Text), ("version", FieldKind.Version)], BodyOptional: true),
            new("correction", Coordinator, HttpMethod.Post, $"/api/v1/responses/{ResponseId}/corrections", Body(new { content = "訂正", reason = "理由", version = v }), [("content", FieldKind.Text), ("reason", FieldKind.Text), ("version", FieldKind.Version)]),
            new("create audit", Coordinator, HttpMethod.Post, "/api/v1/audits", Body(new { kind = "定期監査", fiscalYear = 2024, theme = "テーマ", auditor = "監査人", reportDate = "2025-03-31" }),
                [("kind", FieldKind.Text), ("fiscalYear", FieldKind.WholeNumber), ("theme", FieldKind.Text), ("auditor", FieldKind.Text), ("reportDate", FieldKind.Date)]),
            new("edit audit", Coordinator, HttpMethod.Put, "/api/v1/audits/R5-包括外部監査", Body(new { theme = "テーマ", auditor = "監査人", reportDate = "2024-03-29", version = audit }),
                [("theme", FieldKind.Text), ("auditor", FieldKind.Text), ("reportDate", FieldKind.Date), ("version", FieldKind.Version)]),
            new("create finding", Coordinator, HttpMethod.Post, "/api/v1/audits/R5-包括外部監査/findings",
                Body(new { number = "R5-指-8", category = "指摘", title = "件名", excerpt = "抜粋", reportPages = "P45", departments = DxOnly }),
                [("number", FieldKind.Text), ("category", FieldKind.Text), ("title", FieldKind.Text), ("excerpt", FieldKind.Text), ("reportPages", FieldKind.Pages), ("departments", FieldKind.TextList)]),
            new("edit finding", Coordinator, HttpMethod.Put, "/api/v1/findings/R5-指-1",
                Body(new { title = "件名", excerpt = "抜粋", reportPages = "P45", departments = DxOnly, version = (string)finding["version"]! }),
                [("title", FieldKind.Text), ("excerpt", FieldKind.Text), ("reportPages", FieldKind.Pages), ("departments", FieldKind.TextList), ("version", FieldKind.Version)]),
            new("create department", Coordinator, HttpMethod.Post, "/api/v1/departments", Body(new { name = "新設課" }), [("name", FieldKind.Text)]),
            new("rename department", Coordinator, HttpMethod.Post, $"/api/v1/departments/{dx}/rename", Body(new { name = "DX推進室", from = "2026-01" }), [("name", FieldKind.Text), ("from", FieldKind.Month)]),
            new("vocabulary", Coordinator, HttpMethod.Put, "/api/v1/vocabulary", Body(new { finding = FindingWords, opinion = OpinionWords }), [("finding", FieldKind.TextList), ("opinion", FieldKind.TextList)]),
            new("merge department", Coordinator, HttpMethod.Post, $"/api/v1/departments/{road}/merge", Body(new { into = dx, from = "2026-01" }), [("into", FieldKind.WholeNumber), ("from", FieldKind.Month)]),
        ];
    }

    private static JsonObject JsonSerializerNode(object o) => System.Text.Json.JsonSerializer.SerializeToNode(o, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();

    private static async Task<JsonNode> Expect(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
