using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kansa.Accounts;
using Kansa.Evidence;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Evidence;

/// <summary>
/// Right-to-left overrides and other invisible characters never reach a stored or served evidence file name, so that
/// <c>請求書‮fdp.exe</c> cannot pass for a PDF. Over real HTTP.
/// </summary>
public class EvidenceFileNameTests
{
    private const string Rlo = "\u202E";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Bidi_and_invisible_characters_are_removed_from_stored_and_served_names(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var (host, editor, response) = await StartAsync(db);
        await using var _ = host;

        var hidden = await UploadAsync(editor, response, "請求書" + Rlo + "fdp.exe", Pdf);
        var dressed = await UploadAsync(editor, response, "点検\u200B結果\u2066\u061C" + Rlo + "\u0007.pdf", Pdf);

        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("「請求書fdp.exe」の種類は添付できません", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, dressed.StatusCode);
        await using var context = db.CreateContext();
        var stored = await context.EvidenceFiles.SingleAsync();
        Assert.Equal("点検結果.pdf", stored.FileName);
        var download = await editor.GetAsync($"/api/v1/evidence/{stored.Id}");
        Assert.Equal("点検結果.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_name_stored_before_the_cleaning_is_served_and_listed_clean()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var (host, editor, response) = await StartAsync(db);
        await using var _ = host;
        await using (var context = db.CreateContext())
        {
            context.EvidenceFiles.Add(new EvidenceFile
            {
                ResponseId = response, FileName = "古い" + Rlo + "fdp.exe", ContentType = "application/pdf", Size = Pdf.Length,
                Sha256 = "00", Content = Pdf, UploadedBy = "user:old", UploadedAt = DateTimeOffset.UnixEpoch,
            });
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var id = (await read.EvidenceFiles.SingleAsync()).Id;
        var download = await editor.GetAsync($"/api/v1/evidence/{id}");
        var disposition = download.Content.Headers.ContentDisposition!;

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("古いfdp.exe", disposition.FileNameStar);
        Assert.DoesNotContain(Rlo, disposition.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Rlo, download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("%E2%80%AE", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a\u202Eb.pdf", "ab.pdf")]
    [InlineData("\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069x.txt", "x.txt")]
    [InlineData("x\r\ny\t.txt", "xy.txt")]
    [InlineData("\uFEFF資料.pdf", "資料.pdf")]
    [InlineData("普通の名前 (1).pdf", "普通の名前 (1).pdf")]
    [InlineData("家族👨‍👩‍👧.png", "家族👨👩👧.png")]
    public void Clean_removes_control_and_format_characters(string name, string expected) =>
        Assert.Equal(expected, EvidenceFileName.Clean(name));

    private static async Task<(WebHost Host, HttpClient Editor, int Response)> StartAsync(TestDatabase db)
    {
        var data = new WorkflowData(db);
        var finding = await data.FindingAsync("R7-指-1", "DX推進課");
        var response = await data.ResponseAsync(finding, null, ResponseStage.Draft);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        var host = await WebHost.StartAsync(db.Target);
        return (host, await StaffAccounts.TokenClientAsync(db, host, "dx-editor"), response);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int response, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/responses/{response}/evidence", form);
    }
}
