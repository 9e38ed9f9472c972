using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Tests.Support;

namespace Kansa.Tests.Dashboards;

/// <summary>The staff home page shows each role what concerns it.</summary>
public class DashboardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Each_role_sees_its_own_dashboard(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Kansa.ChangeLog.SearchChangeLog.Japan).DateTime);
        var data = new WorkflowData(db);
        var f1 = await data.FindingAsync("R7-指-1", "DX推進課", "クラウド移行の計画");
        var f2 = await data.FindingAsync("R7-指-2", "DX推進課", "アクセス権の棚卸し");
        var f3 = await data.FindingAsync("R7-指-3", "DX推進課", "委託先の監督");
        var f4 = await data.FindingAsync("R7-指-4", "路政課", "道路占用料の徴収");
        var f5 = await data.FindingAsync("R7-指-5", "路政課", "橋りょう点検");
        await data.RequestAsync(f1, today.AddDays(3));
        var r2 = await data.RequestAsync(f2, today.AddDays(-2));
        var r3 = await data.RequestAsync(f3, today.AddDays(20));
        await data.RequestAsync(f4, today.AddDays(-5));
        var r5 = await data.RequestAsync(f5, today.AddDays(-1));
        await data.ResponseAsync(f2, r2, ResponseStage.Returned, "根拠資料を添付してください");
        await data.ResponseAsync(f3, r3, ResponseStage.Submitted);
        await data.ResponseAsync(f5, r5, ResponseStage.Approved);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await StaffAccounts.CreateUserAsync(db, "dx-approver", Roles.Approver, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "etsuran", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);

        var editor = await PageAsync(host, "dx-editor");
        var roads = await PageAsync(host, "road-editor");
        var approver = await PageAsync(host, "dx-approver");
        var coordinator = await PageAsync(host, "sato");
        var viewer = await PageAsync(host, "etsuran");

        Assert.Contains("dx-editor", editor, StringComparison.Ordinal);
        Assert.Contains("回答を求められている指摘", editor, StringComparison.Ordinal);
        Assert.Contains("R7-指-1", editor, StringComparison.Ordinal);
        Assert.Contains("期限間近", editor, StringComparison.Ordinal);
        Assert.Contains("あと 3 日", editor, StringComparison.Ordinal);
        Assert.Contains("2 日超過", editor, StringComparison.Ordinal);
        Assert.Contains("根拠資料を添付してください", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("R7-指-4", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("所管課ごとの進み具合", editor, StringComparison.Ordinal);

        Assert.Contains("R7-指-4", roads, StringComparison.Ordinal);
        Assert.DoesNotContain("R7-指-1", roads, StringComparison.Ordinal);
        Assert.DoesNotContain("R7-指-5", roads, StringComparison.Ordinal);

        Assert.Contains("承認を待っている回答", approver, StringComparison.Ordinal);
        Assert.Contains("R7-指-3", Section(approver, "waiting"), StringComparison.Ordinal);
        Assert.DoesNotContain("R7-指-4", approver, StringComparison.Ordinal);
        Assert.DoesNotContain("回答を求められている指摘", approver, StringComparison.Ordinal);

        Assert.Equal(["DX推進課", "3", "1", "1", "1", "0", "1"], Row(coordinator, "DX推進課"));
        Assert.Equal(["路政課", "2", "1", "0", "0", "1", "1"], Row(coordinator, "路政課"));
        Assert.Contains("期限超過", Section(coordinator, "notices"), StringComparison.Ordinal);

        Assert.Equal(["路政課", "2", "1", "0", "0", "1", "1"], Row(viewer, "路政課"));
        Assert.DoesNotContain("期限のお知らせ", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("操作記録を見る", viewer, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(WebHost host, string login) =>
        await (await StaffAccounts.SignedInClientAsync(host, login)).GetStringAsync("/staff");

    private static string Section(string html, string heading) =>
        new HtmlParser().ParseDocument(html).QuerySelector($"section[aria-labelledby={heading}]")?.TextContent ?? "";

    private static string[] Row(string html, string department) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("section[aria-labelledby=progress] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == department)
            .Children.Select(c => c.TextContent.Trim())];
}
