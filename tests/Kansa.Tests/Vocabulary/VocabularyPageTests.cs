using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SheetWorkbookReader = Kansa.Sheets.SheetWorkbookReader;
using SheetFile = Kansa.Tests.Sheets.SheetFile;
using Kansa.OpenData;
using Kansa.Tests.Sheets;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Vocabulary.VocabularyApiTests;

namespace Kansa.Tests.Vocabulary;

/// <summary>
/// /staff/vocabulary through Kestrel with signed-in browsers (cookies, antiforgery, post/redirect/get), and what an
/// editor is then offered on the workflow page and in the department sheet. Both engines.
/// </summary>
public class VocabularyPageTests
{
    private const string Path = "/staff/vocabulary";
    private const string Workflow = "/staff/findings/R5-指-1";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_narrows_the_words_on_the_page_and_the_editor_is_offered_only_those(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");

        var page = await ParseAsync(await coord.GetStringAsync(Path));
        Assert.Equal(FindingDefaults, Ticked(page, "Finding"));
        Assert.Equal(OpinionDefaults, Ticked(page, "Opinion"));
        Assert.NotNull(page.QuerySelector("input[name=Finding][value=措置済み]:not([checked])"));
        Assert.Equal("指摘の対応区分 (標準の語を使用中)", page.QuerySelector("form > fieldset > legend")!.TextContent);
        Assert.Contains("href=\"/staff/vocabulary\"", await coord.GetStringAsync("/staff"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/staff/vocabulary\"", await editor.GetStringAsync("/staff"), StringComparison.Ordinal);

        // No antiforgery token: refused before anything is read. An editor never reaches the page.
        var forged = await coord.PostAsync(Path, new FormUrlEncodedContent([new("Finding", "措置済"), new("Opinion", "対応済")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var denied = await editor.GetAsync(Path);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/error/403", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(Path, new FormUrlEncodedContent([new("Finding", "措置済")]))).StatusCode);

        // Widened, then a refused choice that keeps what was ticked, then narrowed to the four standard words.
        var widened = await PostAsync(coord, ["措置済", "措置済み", "措置中", "未措置"], OpinionDefaults);
        Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
        Assert.Equal(Path, widened.Headers.Location!.OriginalString);
        var saved = await ParseAsync(await coord.GetStringAsync(Path));
        Assert.Equal("対応区分の語の選択を保存しました。", saved.QuerySelector("p.notice")!.TextContent);
        Assert.Equal(["措置済", "措置済み", "措置中", "未措置"], Ticked(saved, "Finding"));
        Assert.Equal(["措置済", "措置済み", "措置中", "未措置"], Options(await editor.GetStringAsync(Workflow), "draft-status"));

        var refused = await PostAsync(coord, ["措置済", "措置を行わない"], []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["措置済", "措置を行わない"], Ticked(form, "Finding"));
        Assert.Equal(
            "指摘の対応区分: まだ済んでいないことを表す語 (未着手または対応中) を1つ以上選んでください。",
            form.QuerySelector("#Finding-error")!.TextContent.Trim());
        Assert.Contains("意見の対応区分: 済んだことを表す語 (完了) を1つ以上選んでください。", form.QuerySelector("#Opinion-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Opinion-error", form.QuerySelectorAll("form > fieldset")[1].GetAttribute("aria-describedby"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coord, FindingDefaults, OpinionDefaults)).StatusCode);

        // The editor: the page's drop-down, the API and the department sheet offer exactly the four words.
        Assert.Equal(FindingDefaults, Options(await editor.GetStringAsync(Workflow), "draft-status"));
        var api = await setup.ApiAsync("dx-editor");
        Assert.Equal(HttpStatusCode.BadRequest, (await WorkflowSetup.PostAsync(api, "/api/v1/findings/R5-指-1/responses", new { status = "措置済み", content = "x" })).StatusCode);
        var viaPage = await StaffAccounts.PostFormAsync(editor, Workflow + "?handler=Draft", new() { ["Input.Status"] = "措置済み", ["Input.Content"] = "規程を改正した。" }, Workflow);
        Assert.Equal(HttpStatusCode.OK, viaPage.StatusCode);
        Assert.Contains("「措置済み」は指摘の対応区分として選べません", await viaPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var dir = new TempDir();
        var exported = await SheetSetup.ExportAsync(setup.Db, dir.File("dx.xlsx"));
        var lists = SheetWorkbookReader.Read(exported, "x").Value!.Single(s => s.Name == "選択肢");
        Assert.Equal(FindingDefaults, FindingDefaults.Select((_, i) => lists.Text($"A{i + 1}")));
        Assert.Equal("", lists.Text("A5"));
        var r1 = SheetFile.RowOf(exported, SheetSetup.Dx, "R5-指-1");
        var typed = dir.File("typed.xlsx");
        await File.WriteAllBytesAsync(typed, SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, SheetSetup.Dx, "H" + r1, "措置済み");
            SheetFile.Type(d, SheetSetup.Dx, "I" + r1, "規程を改正した。");
        }));
        var import = await SheetSetup.ImportAsync(setup.Db, typed, "dx-editor");
        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"{SheetSetup.Dx}!H{r1}: 「措置済み」は指摘の対応区分にありません (使える語: 措置済、措置中、未措置、措置を行わない)", import.Error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_draft_keeps_its_word_after_the_word_is_unchosen_on_the_page_and_in_the_sheet(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var coordinator = await setup.ApiAsync("coord");
        var api = await setup.ApiAsync("dx-editor");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = Words("措置済", "措置完了", "未措置"), opinion = OpinionDefaults })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await WorkflowSetup.PostAsync(api, "/api/v1/findings/R5-指-1/responses", new { status = "措置完了", content = "規程を改正した。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/vocabulary", new { finding = FindingDefaults, opinion = OpinionDefaults })).StatusCode);

        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var html = await editor.GetStringAsync(Workflow);
        Assert.Equal([.. FindingDefaults, "措置完了"], Options(html, "edit-status"));
        var document = await ParseAsync(html);
        Assert.Equal("措置完了", document.QuerySelector("#edit-status option[selected]")!.GetAttribute("value"));
        Assert.Contains("「措置完了」は、いまは選べる語に含まれていません", document.QuerySelector("p.kept-word")!.TextContent, StringComparison.Ordinal);

        var id = document.QuerySelector("input[name='Input.ResponseId']")!.GetAttribute("value")!;
        var version = document.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var edited = await StaffAccounts.PostFormAsync(editor, Workflow + "?handler=Edit", new()
        {
            ["Input.ResponseId"] = id, ["Input.Version"] = version, ["Input.Status"] = "措置完了", ["Input.Content"] = "令和7年10月に規程を改正した。",
        }, Workflow);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        // The sheet starts from the draft's word and saves a new text with it.
        using var dir = new TempDir();
        var exported = await SheetSetup.ExportAsync(setup.Db, dir.File("dx.xlsx"));
        var r1 = SheetFile.RowOf(exported, SheetSetup.Dx, "R5-指-1");
        Assert.Equal("措置完了", SheetWorkbookReader.Read(exported, "x").Value!.Single(s => s.Name == SheetSetup.Dx).Text("H" + r1));
        var typed = dir.File("typed.xlsx");
        await File.WriteAllBytesAsync(typed, SheetFile.Edit(exported, d => SheetFile.Type(d, SheetSetup.Dx, "I" + r1, "令和7年10月1日に規程を改正した。")));
        var import = await SheetSetup.ImportAsync(setup.Db, typed, "dx-editor");
        Assert.True(import.ExitCode == 0, import.Error);
        await using var db = setup.Db.CreateContext();
        var response = await db.Responses.AsNoTracking().SingleAsync();
        Assert.Equal(("措置完了", "令和7年10月1日に規程を改正した。"), (response.Word, response.Content));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<string> finding, IEnumerable<string> opinion)
    {
        var page = await ParseAsync(await client.GetStringAsync(Path));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = finding.Select(w => new KeyValuePair<string, string>("Finding", w))
            .Concat(opinion.Select(w => new KeyValuePair<string, string>("Opinion", w)))
            .Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(Path, new FormUrlEncodedContent(fields));
    }

    private static Task<IHtmlDocument> ParseAsync(string html) => new HtmlParser().ParseDocumentAsync(html);

    private static string[] Ticked(IHtmlDocument page, string field) =>
        [.. page.QuerySelectorAll($"input[type=checkbox][name={field}][checked]").Select(i => i.GetAttribute("value")!)];

    private static string[] Options(string html, string selectId) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll($"#{selectId} option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0)];
}
