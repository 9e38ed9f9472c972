using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Responses;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.WorkList;

/// <summary>/staff/findings through Kestrel with signed-in clients: filters, the bulk form, the menu, failed lookups.</summary>
public class WorkListPageTests
{
    private const string Open = "/staff/findings?stage=not_requested";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_requests_several_findings_in_one_form_and_the_editor_finds_them(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var api = await setup.ApiAsync("coord");
        await BulkRequestTests.CompleteAsync(api, "R5-指-2", "DX推進課");
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");

        var list = new HtmlParser().ParseDocument(await coord.GetStringAsync(Open));
        string Id(string number) => list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == number)
            .QuerySelector("input[name='Bulk.Selected']")!.GetAttribute("value")!;
        Assert.Equal(22, list.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("/staff/findings/R5-%E6%8C%87-1?audit=R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB",
            list.QuerySelectorAll("tbody th a")[0].GetAttribute("href"));
        Assert.Contains("未依頼", list.QuerySelector("details.help")!.TextContent, StringComparison.Ordinal);

        // The bulk form carries its own antiforgery token, and the handler checks it.
        Assert.NotNull(list.QuerySelector("form[action*='handler=Request'] input[name=__RequestVerificationToken]"));
        var forged = await coord.PostAsync(Open + "&handler=Request", new FormUrlEncodedContent(new Dictionary<string, string> { ["Bulk.Selected"] = Id("R5-指-1"), ["Bulk.DueDate"] = "2026-01-30" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // 「表示中のすべて」 includes findings without a department: nothing is requested, each is named in Japanese.
        var all = await PostAsync(coord, Open, [.. list.QuerySelectorAll("input[name='Bulk.Shown']").Select(i => ("Bulk.Shown", i.GetAttribute("value")!)), ("Bulk.All", "1"), ("Bulk.DueDate", "2026-01-30")]);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var refusedPage = await all.Content.ReadAsStringAsync();
        Assert.Contains("所管課が登録されていないため、依頼できません", refusedPage, StringComparison.Ordinal);
        Assert.Equal(20, refusedPage.Split("所管課が登録されていないため").Length - 1);
        await using (var context = setup.Db.CreateContext())
        {
            Assert.Equal(0, await context.ResponseRequests.CountAsync());
        }

        var made = await PostAsync(coord, Open, [("Bulk.Selected", Id("R5-指-1")), ("Bulk.Selected", Id("R5-指-2")), ("Bulk.DueDate", "2026-01-30"), ("Bulk.Note", "まとめて依頼します")]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(Open, made.Headers.Location!.OriginalString);
        var after = await coord.GetStringAsync(Open);
        Assert.Contains("2 件の指摘・意見について、所管課に回答を依頼しました (期限 令和8年1月30日)", after, StringComparison.Ordinal);
        Assert.Equal(20, new HtmlParser().ParseDocument(after).QuerySelectorAll("tbody tr").Length);

        // The editor sees them as 依頼中, without the bulk form, and may not post it.
        var editorList = new HtmlParser().ParseDocument(await editor.GetStringAsync("/staff/findings?stage=requested"));
        Assert.Equal(["R5-指-1", "R5-指-2"], editorList.QuerySelectorAll("tbody th a").Select(a => a.TextContent));
        Assert.Empty(editorList.QuerySelectorAll("input[name='Bulk.Selected']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, "/staff/findings", [("Bulk.Selected", Id("R5-指-5")), ("Bulk.DueDate", "2026-01-30")])).StatusCode);
        var badDate = await editor.GetAsync("/staff/findings?due=2026-02-31");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("期限: ", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_staff_page_has_the_menu_and_a_failed_lookup_stays_in_the_staff_area(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var admin = await StaffAccounts.SignedInClientAsync(setup.Host, "admin");
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var roadEditor = await StaffAccounts.SignedInClientAsync(setup.Host, "road-editor");
        foreach (var (client, path, current) in new[]
        {
            (coord, "/staff", "ダッシュボード"), (coord, "/staff/findings", "一覧"), (coord, "/staff/registry", "登録"),
            (coord, "/staff/rounds", "公表の回"), (coord, "/staff/sheets", "シート"), (admin, "/staff/change-log", "操作記録"),
            (coord, "/staff/vocabulary", "対応区分の語"), (coord, "/staff/registry/departments", "登録"), (coord, "/staff/findings/R5-指-3", "一覧"),
        })
        {
            var menu = Menu(await client.GetStringAsync(path));
            Assert.Equal(current, menu.Single(m => m.Current is not null).Label);
            Assert.Equal(path == "/staff/findings" || path == "/staff" || path == "/staff/rounds" || path == "/staff/sheets" || path == "/staff/change-log" || path == "/staff/registry" || path == "/staff/vocabulary" ? "page" : "true",
                menu.Single(m => m.Current is not null).Current);
        }

        Assert.Equal(["ダッシュボード", "一覧", "登録", "公表の回", "シート", "対応区分の語"], Menu(await coord.GetStringAsync("/staff")).Select(m => m.Label));
        Assert.Equal(["ダッシュボード", "一覧", "シート"], Menu(await editor.GetStringAsync("/staff")).Select(m => m.Label));

        // The box on /staff: one match opens the workflow page; no match stays on the list with a message.
        var found = await coord.GetAsync("/staff/findings?number=" + Uri.EscapeDataString("Ｒ５－指－３"));
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.StartsWith("/staff/findings/R5-", found.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var missing = await coord.GetAsync("/staff/findings?number=R5-指-99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var missingPage = await missing.Content.ReadAsStringAsync();
        Assert.Contains("番号「R5-指-99」の指摘・意見は見つかりません", missingPage, StringComparison.Ordinal);
        Assert.NotEmpty(Menu(missingPage));

        // A finding of another department is as unknown to an editor as a number that does not exist.
        Assert.Contains("見つかりません", await (await roadEditor.GetAsync("/staff/findings?number=R5-指-3")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A number two audits share: the workflow page sends the person to the list of both, not to the public site.
        await new WorkflowData(setup.Db).FindingAsync("R5-指-1", "DX推進課");
        var ambiguous = await coord.GetAsync("/staff/findings/R5-指-1");
        Assert.Equal(HttpStatusCode.Redirect, ambiguous.StatusCode);
        Assert.Equal("/staff/findings?number=R5-%E6%8C%87-1", ambiguous.Headers.Location!.OriginalString);
        var both = new HtmlParser().ParseDocument(await coord.GetStringAsync(ambiguous.Headers.Location.OriginalString));
        Assert.Contains("2 つの監査にあります", both.QuerySelector("p[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["R5-包括外部監査", "r7-test"], both.QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent).Order(StringComparer.Ordinal));

        // A staff page given an unknown number answers 404 inside the staff area.
        var unknown = await coord.GetAsync("/staff/findings/R5-指-99");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("指摘・意見の一覧へ", unknownPage, StringComparison.Ordinal);
        Assert.Equal("一覧", Menu(unknownPage).Single(m => m.Current is not null).Label);
        Assert.DoesNotContain("監査の一覧へ戻る", unknownPage, StringComparison.Ordinal);

        // The public site keeps its own error page.
        var publicMissing = await setup.Host.Client.GetAsync("/findings/R9-指-1");
        Assert.Contains("監査の一覧へ戻る", await publicMissing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<(string Label, string? Current)> Menu(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("nav.staff-menu a").Select(a => (a.TextContent.Trim(), a.GetAttribute("aria-current")))];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string listPath, (string Name, string Value)[] fields)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(listPath));
        var token = (page.QuerySelector("form[method=post][action*='handler=Request'] input[name=__RequestVerificationToken]")
            ?? page.QuerySelector("input[name=__RequestVerificationToken]"))!.GetAttribute("value")!;
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var separator = listPath.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync(listPath + separator + "handler=Request", new FormUrlEncodedContent(body));
    }
}
