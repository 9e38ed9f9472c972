using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.Tests.Support;

namespace Kansa.Tests.Registry;

/// <summary>The coordinator's registry pages over real HTTP with a signed-in browser-like client.</summary>
public class RegistryPageTests
{
    private const string AuditPath = "/staff/registry/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_completes_R5_指_1_through_the_staff_page(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await using var host = await WebHost.StartAsync(db.Target);
        var coordinator = await StaffAccounts.SignedInClientAsync(host, "sato");
        var editor = await StaffAccounts.SignedInClientAsync(host, "dx-editor");

        var list = await coordinator.GetStringAsync(AuditPath);
        Assert.Equal(22, Count(list, "<span class=\"badge badge-open\">内容未登録</span>"));
        var refused = await editor.GetAsync(AuditPath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);

        var edit = $"{AuditPath}/findings/R5-%E6%8C%87-1/edit";
        var invalid = await SubmitAsync(coordinator, edit, new() { ["Input.Title"] = "", ["Input.Departments"] = "存在しない課" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("件名: 指摘・意見の件名を入力してください。", invalidPage, StringComparison.Ordinal);
        Assert.Contains("「存在しない課」は登録されていません", invalidPage, StringComparison.Ordinal);

        var saved = await SubmitAsync(coordinator, edit, new() { ["Input.Title"] = "情報システムの調達手続について", ["Input.Departments"] = "ＤＸ推進課", ["Input.ReportPages"] = "P12" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(AuditPath, saved.Headers.Location!.OriginalString);
        Assert.Equal(21, Count(await coordinator.GetStringAsync(AuditPath), "<span class=\"badge badge-open\">内容未登録</span>"));
        var record = await RegistryApiTests.GetJsonAsync(await StaffAccounts.TokenClientAsync(db, host, "dx-editor"), "/api/v1/findings/R5-指-1");
        Assert.Equal("情報システムの調達手続について", record["title"]!.GetValue<string>());
        Assert.Equal("DX推進課", record["departments"]![0]!.GetValue<string>());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_conflict_on_the_page_shows_the_newer_content_and_keeps_the_input(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "suzuki", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var first = await StaffAccounts.SignedInClientAsync(host, "sato");
        var second = await StaffAccounts.SignedInClientAsync(host, "suzuki");
        var edit = $"{AuditPath}/findings/R5-%E6%8C%87-2/edit";
        var firstForm = await ReadFormAsync(first, edit);
        var secondForm = await ReadFormAsync(second, edit);

        firstForm.Fields["Input.Title"] = "佐藤が保存した件名";
        secondForm.Fields["Input.Title"] = "鈴木が入力した件名";
        var saved = await first.PostAsync(firstForm.Action, new FormUrlEncodedContent(firstForm.Fields));
        var refused = await second.PostAsync(secondForm.Action, new FormUrlEncodedContent(secondForm.Fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("ほかの人が先に変更しました", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("佐藤が保存した件名", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("鈴木が入力した件名", page.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value);

        // Having seen the newer content, the second person saves on top of it.
        var again = await ReadFormFromAsync(second, refused, edit);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(again.Action, new FormUrlEncodedContent(again.Fields))).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_form_posted_without_its_version_tells_the_whole_form_why(string engine)
    {
        // The version is a hidden field with no place of its own on the page: its problem belongs at the top.
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var coordinator = await StaffAccounts.SignedInClientAsync(host, "sato");
        var form = await ReadFormAsync(coordinator, $"{AuditPath}/findings/R5-%E6%8C%87-2/edit");
        Assert.NotEqual("", form.Fields["Input.Version"]);

        form.Fields["Input.Version"] = "";
        form.Fields["Input.Title"] = "版のない送信";
        var refused = await coordinator.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("版", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("版のない送信", page.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_renames_and_merges_departments_through_the_page(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var coordinator = await StaffAccounts.SignedInClientAsync(host, "sato");
        using var api = await StaffAccounts.TokenClientAsync(db, host, "sato");
        var dx = await RegistryApiTests.DepartmentIdAsync(api, "DX推進課");
        var road = await RegistryApiTests.DepartmentIdAsync(api, "路政課");

        var badMonth = await SubmitAsync(coordinator, $"/staff/registry/departments/{dx}", new() { ["Rename.Name"] = "デジタル推進課", ["Rename.From"] = "" }, "Rename");
        Assert.Contains("2025-04 のように", await badMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var renamed = await SubmitAsync(coordinator, $"/staff/registry/departments/{dx}", new() { ["Rename.Name"] = "デジタル推進課", ["Rename.From"] = "2025-04" }, "Rename");
        var merged = await SubmitAsync(coordinator, $"/staff/registry/departments/{road}", new() { ["Merge.Into"] = dx.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Merge.From"] = "2025-04" }, "Merge");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var list = await coordinator.GetStringAsync("/staff/registry/departments");
        Assert.Contains("令和7年4月から: デジタル推進課", list, StringComparison.Ordinal);
        Assert.Contains("令和7年4月から「デジタル推進課」に統合", list, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_registers_and_edits_an_audit_through_the_page(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var coordinator = await StaffAccounts.SignedInClientAsync(host, "sato");

        var invalid = await SubmitAsync(coordinator, "/staff/registry/audits/new", new() { ["Input.Kind"] = "", ["Input.FiscalYear"] = "" });
        Assert.Contains("監査の種類: ", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await SubmitAsync(coordinator, "/staff/registry/audits/new", new() { ["Input.Kind"] = "定期監査", ["Input.FiscalYear"] = "2024", ["Input.Theme"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        Assert.Equal("/staff/registry/audits/R6-%E5%AE%9A%E6%9C%9F%E7%9B%A3%E6%9F%BB", path);

        var edited = await SubmitAsync(coordinator, path + "/edit", new() { ["Input.Auditor"] = "監査委員 一郎", ["Input.ReportDate"] = "2025-03-31" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var list = await coordinator.GetStringAsync("/staff/registry");
        Assert.Contains("令和6年度定期監査", list, StringComparison.Ordinal);
        Assert.Contains("監査委員 一郎", list, StringComparison.Ordinal);
        var finding = await SubmitAsync(coordinator, path + "/findings/new", new() { ["Input.Number"] = "R6-意-1", ["Input.Category"] = "指摘", ["Input.Title"] = "件名" });
        Assert.Contains("区分: 番号「R6-意-1」は意見の番号です", await finding.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, Dictionary<string, string> values, string? handler = null)
    {
        var form = await ReadFormAsync(client, path, handler);
        foreach (var (name, value) in values)
        {
            form.Fields[name] = value;
        }

        return await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
    }

    private static async Task<(string Action, Dictionary<string, string> Fields)> ReadFormAsync(HttpClient client, string path, string? handler = null)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return await ReadFormFromAsync(client, response, path, handler);
    }

    /// <summary>Every field of the page's form (the one for <paramref name="handler"/>), as a browser would send it.</summary>
    private static async Task<(string Action, Dictionary<string, string> Fields)> ReadFormFromAsync(HttpClient client, HttpResponseMessage response, string path, string? handler = null)
    {
        _ = client;
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelectorAll<IHtmlFormElement>("main form[method=post]")
            .First(f => handler is null || (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            fields[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields[select.Name!] = select.Value ?? "";
        }

        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? path : action, fields);
    }
}
