using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Tests.Support;

namespace Kansa.Tests.Workflow;

/// <summary>The staff pages of the lifecycle, end to end with signed-in browsers (cookies, forms, antiforgery).</summary>
public class StaffPagesTests
{
    private const string Page = "/staff/findings/R5-指-1";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_whole_lifecycle_works_through_the_staff_pages(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var approver = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-approver");
        var roadEditor = await StaffAccounts.SignedInClientAsync(setup.Host, "road-editor");

        AssertRedirect(await Post(coord, "Request", new() { ["Input.DueDate"] = "2025-10-31", ["Input.Note"] = "11月公表分" }));
        Assert.Contains("令和7年10月31日", await coord.GetStringAsync(Page), StringComparison.Ordinal);
        var noReason = await Post(coord, "Due", new() { ["Input.RequestId"] = Field(await coord.GetStringAsync(Page), "Due", "Input.RequestId"), ["Input.DueDate"] = "2025-12-26", ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("理由のない変更はできません", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        AssertRedirect(await Post(editor, "Draft", new() { ["Input.Status"] = "措置済", ["Input.Content"] = "規程を改正した。" }));
        var editorPage = await editor.GetStringAsync(Page);
        Assert.Contains("下書きを保存しました", editorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await roadEditor.GetAsync(Page)).StatusCode);

        // Two people edit from the same page: the second is told, sees the newer text, and keeps what they typed.
        var id = Field(editorPage, "Edit", "Input.ResponseId");
        var staleVersion = Field(editorPage, "Edit", "Input.Version");
        AssertRedirect(await Post(editor, "Edit", new() { ["Input.ResponseId"] = id, ["Input.Version"] = staleVersion, ["Input.Status"] = "措置済", ["Input.Content"] = "令和7年10月に規程を改正した。" }));
        var conflict = await Post(editor, "Edit", new() { ["Input.ResponseId"] = id, ["Input.Version"] = staleVersion, ["Input.Status"] = "措置中", ["Input.Content"] = "私の書きかけの案" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var conflictPage = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("ほかの人が変更しました", conflictPage, StringComparison.Ordinal);
        Assert.Contains("令和7年10月に規程を改正した。", conflictPage, StringComparison.Ordinal);
        Assert.Contains("私の書きかけの案", conflictPage, StringComparison.Ordinal);

        AssertRedirect(await Step(editor, "Submit", id));
        // The editor gets no approve button (the rule itself is enforced by the use case: see the API tests).
        Assert.DoesNotContain("handler=Approve", await editor.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains("handler=Approve", await approver.GetStringAsync(Page), StringComparison.Ordinal);
        var noComment = await Step(approver, "Return", id, new() { ["Input.Comment"] = "" });
        Assert.Contains("差し戻す理由を入力してください", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertRedirect(await Step(approver, "Return", id, new() { ["Input.Comment"] = "日付を入れてください" }));
        var returned = await editor.GetStringAsync(Page);
        Assert.Contains("日付を入れてください", returned, StringComparison.Ordinal);
        AssertRedirect(await Post(editor, "Edit", new() { ["Input.ResponseId"] = id, ["Input.Version"] = Field(returned, "Edit", "Input.Version"), ["Input.Status"] = "措置済", ["Input.Content"] = "令和7年10月1日に規程を改正した。" }));
        AssertRedirect(await Step(editor, "Submit", id));
        AssertRedirect(await Step(approver, "Approve", id));

        Assert.Equal(HttpStatusCode.Forbidden, StatusOf(await editor.GetAsync("/staff/rounds")));
        var opened = await StaffAccounts.PostFormAsync(coord, "/staff/rounds", new() { ["Input.AsOf"] = "2025-11" });
        AssertRedirect(opened);
        var round = opened.Headers.Location!.OriginalString;
        var preview = await coord.GetStringAsync(round);
        Assert.Contains("令和7年11月現在", preview, StringComparison.Ordinal);
        Assert.Contains("令和7年10月1日に規程を改正した。", preview, StringComparison.Ordinal);
        var json = await coord.GetAsync(round + "?handler=Download&format=json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("\"published\": \"2025-11\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertRedirect(await StaffAccounts.PostFormAsync(coord, round + "?handler=Publish", new() { ["confirm"] = "yes" }, round));
        var again = await StaffAccounts.PostFormAsync(coord, round + "?handler=Publish", new() { ["confirm"] = "yes" }, "/staff/rounds");
        Assert.Contains("すでに公表しました", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("公表済", await coord.GetStringAsync("/staff/rounds"), StringComparison.Ordinal);

        var published = await coord.GetStringAsync(Page);
        Assert.DoesNotContain("handler=Correct", await editor.GetStringAsync(Page), StringComparison.Ordinal);
        AssertRedirect(await Post(coord, "Correct", new()
        {
            ["Input.ResponseId"] = id, ["Input.Version"] = Field(published, "Correct", "Input.Version"),
            ["Input.Content"] = "令和7年10月1日に情報システム調達規程を改正した。", ["Input.Reason"] = "規程名の脱字",
        }));
        var publicPage = await setup.Host.Client.GetStringAsync("/findings/R5-指-1");
        Assert.Contains("訂正", publicPage, StringComparison.Ordinal);
        Assert.Contains("規程名の脱字", publicPage, StringComparison.Ordinal);
        Assert.Contains("令和7年10月1日に情報システム調達規程を改正した。", publicPage, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string handler, Dictionary<string, string> fields) =>
        StaffAccounts.PostFormAsync(client, $"{Page}?handler={handler}", fields, Page);

    /// <summary>Posts a workflow button's form with the version the page gave it (none when the person has no such button).</summary>
    private static async Task<HttpResponseMessage> Step(HttpClient client, string handler, string id, Dictionary<string, string>? extra = null)
    {
        var page = await client.GetStringAsync(Page);
        var fields = new Dictionary<string, string>(extra ?? []) { ["Input.ResponseId"] = id };
        if (Field(page, handler, "Input.Version", optional: true) is { Length: > 0 } version)
        {
            fields["Input.Version"] = version;
        }

        return await StaffAccounts.PostFormAsync(client, $"{Page}?handler={handler}", fields, Page);
    }

    private static string Field(string html, string handler, string name, bool optional = false)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal));
        var value = form?.QuerySelector($"input[name='{name}']")?.GetAttribute("value");
        return value ?? (optional ? "" : throw new InvalidOperationException($"no {name} in the {handler} form"));
    }

    private static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");

    /// <summary>403 whether the app answers it directly or redirects to the access-denied page.</summary>
    private static HttpStatusCode StatusOf(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
}
