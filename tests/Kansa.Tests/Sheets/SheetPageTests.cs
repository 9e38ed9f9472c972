using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Sheets.SheetSetup;

namespace Kansa.Tests.Sheets;

/// <summary>/staff/sheets over real HTTP with signed-in browser-like clients: download, upload with antiforgery, preview, apply; and department scope.</summary>
public class SheetPageTests
{
    private static readonly HtmlParser Parser = new();

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_editor_downloads_uploads_previews_and_applies_the_sheet_of_their_department(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var exportPath = "/staff/sheets?handler=Export&audit=" + Uri.EscapeDataString(Audit) + "&department=" + Uri.EscapeDataString(Dx);
        using var download = await editor.GetAsync(exportPath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Kansa.Sheets.ExportDepartmentSheets.ContentType, download.Content.Headers.ContentType?.MediaType);
        var exported = await download.Content.ReadAsByteArrayAsync();
        var rows = Kansa.Sheets.SheetWorkbookReader.Read(exported, "x").Value!.Single(s => s.Name == Dx).Rows(Kansa.Sheets.SheetLayout.FirstRow).Count();

        // The form's checkbox (done=true) adds the findings published as done.
        using (var withDone = await editor.GetAsync(exportPath + "&done=true"))
        {
            var done = await withDone.Content.ReadAsByteArrayAsync();
            Assert.Equal(rows + 5, Kansa.Sheets.SheetWorkbookReader.Read(done, "x").Value!.Single(s => s.Name == Dx).Rows(Kansa.Sheets.SheetLayout.FirstRow).Count());
        }

        var row = SheetFile.RowOf(exported, Dx, "R5-指-1");
        var filled = SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, Dx, "H" + row, "措置中");
            SheetFile.Type(d, Dx, "I" + row, "調達規程の改正案を作成中。\n令和8年3月に施行予定。");
            SheetFile.Reverse(d, Dx);
        });

        var before = await DbFingerprint.TakeAsync(setup.Db);
        using var preview = await UploadAsync(editor, filled, "DX推進課.xlsx", submit: false);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = Parser.ParseDocument(html);
        var cells = page.QuerySelectorAll("#sheet-preview tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        var line = Assert.Single(cells);
        Assert.Contains("R5-指-1", line, StringComparison.Ordinal);
        Assert.Contains("下書きを作成", line, StringComparison.Ordinal);
        Assert.Contains("未措置 → 措置中", line, StringComparison.Ordinal);
        Assert.Contains("令和8年3月に施行予定。", line, StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));

        // Confirm: the form carries the file back with its antiforgery token.
        var form = page.QuerySelector("form[action*='handler=Apply']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        using var applied = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("R5-指-1 の回答を下書きとして保存しました", await editor.GetStringAsync("/staff/sheets"), StringComparison.Ordinal);

        await using (var context = setup.Db.CreateContext())
        {
            var response = await context.Responses.Include(r => r.Steps).SingleAsync();
            Assert.Equal(await FindingIdAsync(setup.Db, "R5-指-1"), response.FindingId);
            Assert.Equal((ResponseStage.Draft, "措置中", "user:dx-editor"), (response.Stage, response.Word, response.CreatedBy));
            Assert.Equal("調達規程の改正案を作成中。\n令和8年3月に施行予定。", response.Content);
            Assert.Contains(await context.ChangeEntries.Where(e => e.Actor == "user:dx-editor").Select(e => e.Action + " " + e.EntityType).ToListAsync(), a => a == "import DepartmentSheet");
        }

        // Posting the same confirmation again is a re-import of what is already there: nothing new.
        using var twice = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Contains("変更された行はありません", await twice.Content.ReadAsStringAsync() + await editor.GetStringAsync("/staff/sheets"), StringComparison.Ordinal);

        // Without the antiforgery token the upload is refused outright.
        using var forged = await editor.PostAsync("/staff/sheets?handler=Preview", new MultipartFormDataContent { { new ByteArrayContent(filled), "upload", "x.xlsx" } });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_file_over_the_limit_is_a_message_on_the_page_and_changes_nothing(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var before = await DbFingerprint.TakeAsync(setup.Db);

        using var response = await UploadAsync(editor, new byte[Kansa.Pages.Staff.Sheets.IndexModel.MaxUpload + 1], "大きい.xlsx", submit: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("大きい.xlsx: ファイルが大きすぎます (4 MB まで)。", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Apply']"));
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_editor_of_another_department_is_refused(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinator = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var road = await StaffAccounts.SignedInClientAsync(setup.Host, "road-editor");
        var viewer = await StaffAccounts.SignedInClientAsync(setup.Host, "viewer");
        var exportPath = "/staff/sheets?handler=Export&audit=" + Uri.EscapeDataString(Audit) + "&department=" + Uri.EscapeDataString(Dx);

        using (var refused = await road.GetAsync(exportPath))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("所管課「DX推進課」はあなたの所管課ではありません", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var denied = await viewer.GetAsync("/staff/sheets"))
        {
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/error/403", denied.Headers.Location!.AbsolutePath);
        }

        // The coordinator's export of the DX sheet, filled in and uploaded by the 路政課 editor.
        var exported = await coordinator.GetByteArrayAsync(exportPath);
        var row = SheetFile.RowOf(exported, Dx, "R5-指-1");
        var filled = SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, Dx, "H" + row, "措置中");
            SheetFile.Type(d, Dx, "I" + row, "他課が書いた内容。");
        });
        var before = await DbFingerprint.TakeAsync(setup.Db);
        using var preview = await UploadAsync(road, filled, "dx.xlsx", submit: true);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"{Dx}!H{row}: R5-指-1 は所管課「DX推進課」の指摘・意見で、あなたの所管課のものではありません", html, StringComparison.Ordinal);
        Assert.Null(Parser.ParseDocument(html).QuerySelector("form[action*='handler=Apply']"));
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));

        // Forging the confirmation does not help: the file is checked again.
        var token = Parser.ParseDocument(await road.GetStringAsync("/staff/sheets")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forged = await road.PostAsync("/staff/sheets?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["fileData"] = Convert.ToBase64String(filled),
            ["fileName"] = "dx.xlsx",
            ["submit"] = "true",
            ["previewed"] = (await FindingIdAsync(setup.Db, "R5-指-1")).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Contains("あなたの所管課のものではありません", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, bool submit)
    {
        var token = Parser.ParseDocument(await client.GetStringAsync("/staff/sheets")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "upload", name },
            { new StringContent(submit ? "true" : "false"), "submit" },
        };
        return await client.PostAsync("/staff/sheets?handler=Preview", form);
    }
}
