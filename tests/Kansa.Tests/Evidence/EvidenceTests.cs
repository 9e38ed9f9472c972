using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.Evidence;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Evidence;

/// <summary>Evidence files over real HTTP: who may attach and download, the type and size checks, the logged download.</summary>
public class EvidenceTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Department_editors_attach_checked_files_and_every_download_is_logged(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var finding = await data.FindingAsync("R7-指-1", "DX推進課");
        var response = await data.ResponseAsync(finding, null, ResponseStage.Draft);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await StaffAccounts.CreateUserAsync(db, "kansa-iin", Roles.Auditor);
        await using var host = await WebHost.StartAsync(db.Target);
        var editor = await StaffAccounts.TokenClientAsync(db, host, "dx-editor");
        var stranger = await StaffAccounts.TokenClientAsync(db, host, "road-editor");
        var auditor = await StaffAccounts.TokenClientAsync(db, host, "kansa-iin");

        var uploaded = await UploadAsync(editor, response, "点検結果.pdf", Pdf);
        var exe = await UploadAsync(editor, response, "tool.exe", [0x4D, 0x5A, 0x90, 0x00]);
        var disguised = await UploadAsync(editor, response, "report.pdf", [0x4D, 0x5A, 0x90, 0x00]);
        var html = await UploadAsync(editor, response, "page.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
        var oversize = await UploadAsync(editor, response, "big.txt", new byte[(10 * 1024 * 1024) + 1]);
        var foreign = await UploadAsync(stranger, response, "other.pdf", Pdf);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var created = await uploaded.Content.ReadFromJsonAsync<Created>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), created!.Sha256);
        Assert.Equal("application/pdf", created.ContentType);
        await AssertRefusedAsync(exe, HttpStatusCode.BadRequest, "添付できません");
        await AssertRefusedAsync(disguised, HttpStatusCode.BadRequest, "形式ではありません");
        await AssertRefusedAsync(html, HttpStatusCode.BadRequest, "形式ではありません");
        await AssertRefusedAsync(oversize, HttpStatusCode.BadRequest, "大きすぎます");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/evidence/{created.Id}")).StatusCode);

        var download = await auditor.GetAsync($"/api/v1/evidence/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("点検結果.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/evidence/" + created.Id)).StatusCode);

        await using var context = db.CreateContext();
        var log = await context.ChangeEntries.OrderBy(e => e.Sequence).ToListAsync();
        var line = Assert.Single(log, e => e.Action == "download");
        Assert.Equal("user:kansa-iin", line.Actor);
        Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), line.EntityKey);
        Assert.Contains(log, e => e.Action == "create" && e.EntityType == nameof(EvidenceFile) && e.Actor == "user:dx-editor" && e.After!.Contains("bytes)", StringComparison.Ordinal));
        Assert.Null(Kansa.ChangeLog.ChangeChain.Verify(log, db.AuditKey).Problem);
        Assert.Equal(1, await context.EvidenceFiles.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Editors_attach_only_while_drafting_and_coordinators_until_publication(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var response = await data.ResponseAsync(await data.FindingAsync("R7-指-1", "DX推進課"), null, ResponseStage.Submitted);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-approver", Roles.Approver, "DX推進課");
        await using var host = await WebHost.StartAsync(db.Target);
        var editor = await StaffAccounts.TokenClientAsync(db, host, "dx-editor");
        var coordinator = await StaffAccounts.TokenClientAsync(db, host, "sato");
        var approver = await StaffAccounts.TokenClientAsync(db, host, "dx-approver");

        var submittedByEditor = await UploadAsync(editor, response, "a.pdf", Pdf);
        var byApprover = await UploadAsync(approver, response, "a.pdf", Pdf);
        var submittedByCoordinator = await UploadAsync(coordinator, response, "a.csv", Encoding.UTF8.GetBytes("番号,状況\nR7-指-1,措置済\n"));
        await data.SetStageAsync(response, ResponseStage.Returned);
        var returnedByEditor = await UploadAsync(editor, response, "b.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        await data.SetStageAsync(response, ResponseStage.Published);
        var publishedByCoordinator = await UploadAsync(coordinator, response, "c.pdf", Pdf);

        await AssertRefusedAsync(submittedByEditor, HttpStatusCode.Forbidden, "権限がありません");
        Assert.Equal(HttpStatusCode.Forbidden, byApprover.StatusCode);
        Assert.Equal(HttpStatusCode.Created, submittedByCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Created, returnedByEditor.StatusCode);
        await AssertRefusedAsync(publishedByCoordinator, HttpStatusCode.Forbidden, "公表済み");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(coordinator, 999_999, "d.pdf", Pdf)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_staff_page_lists_uploads_and_refuses_wrong_types_in_Japanese(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var response = await data.ResponseAsync(await data.FindingAsync("R7-指-1", "DX推進課"), null, ResponseStage.Draft);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await using var host = await WebHost.StartAsync(db.Target);
        var editor = await StaffAccounts.SignedInClientAsync(host, "dx-editor");
        var stranger = await StaffAccounts.SignedInClientAsync(host, "road-editor");
        var page = $"/staff/responses/{response}/evidence";

        var posted = await PostFileAsync(editor, page, "議事録.txt", Encoding.UTF8.GetBytes("第1回 会議録\n"));
        var wrong = await PostFileAsync(editor, page, "macro.xlsm", [0x50, 0x4B, 0x03, 0x04]);
        var list = await editor.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("「macro.xlsm」の種類は添付できません", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("議事録.txt", list, StringComparison.Ordinal);
        Assert.Contains("/api/v1/evidence/", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int response, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/responses/{response}/evidence", form);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string page, string name, byte[] content)
    {
        var html = await client.GetStringAsync(page);
        var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), "Upload", name);
        return await client.PostAsync(page, form);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record Created(int Id, string FileName, string ContentType, long Size, string Sha256);
}
