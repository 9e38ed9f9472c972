using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.PlainJapanese;

/// <summary>The change-log page in Japanese: names, actions, kinds, finding numbers, readable values, 50 lines a page.</summary>
public partial class ChangeLogReadingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_reads_in_Japanese_and_pages_newest_first(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        await PlainStaffData.NameEveryoneAsync(setup.Db);
        await PlainStaffData.WalkAsync(setup);
        var admin = await StaffAccounts.SignedInClientAsync(setup.Host, "admin");
        long total;
        await using (var context = setup.Db.CreateContext())
        {
            total = await context.ChangeEntries.CountAsync();
        }

        var first = await admin.GetAsync("/staff/change-log");
        var firstHtml = await first.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(firstHtml);
        var next = document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var secondHtml = await admin.GetStringAsync(next);
        var second = new HtmlParser().ParseDocument(secondHtml);
        var text = document.Body!.TextContent;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(total > 50, $"the seed and the walk wrote only {total} lines");
        Assert.Equal(50, document.QuerySelectorAll("table.change-log tbody tr").Length);
        Assert.Equal(total, long.Parse(document.QuerySelector("table.change-log tbody th")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal(total - 50, long.Parse(second.QuerySelector("table.change-log tbody th")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));

        // Who, what and which in Japanese: the approver's return concerns R5-指-1, by name and department.
        Assert.Contains("高橋 (DX推進課)", text, StringComparison.Ordinal);
        Assert.Contains("ログイン", text, StringComparison.Ordinal);
        Assert.Contains("回答の手続き", text, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("table.change-log a"), a => a.TextContent == "R5-指-1");
        Assert.Contains("コメント: 日付を入れてください", text, StringComparison.Ordinal);
        Assert.Contains("段階: 差戻し", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("login-failed", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoMoment(), text);

        // The filter's choices are Japanese too, with the stored values kept for the query string.
        var choice = document.QuerySelectorAll("#action option").Single(o => o.GetAttribute("value") == "login");
        Assert.Equal("ログイン", choice.TextContent);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    internal static partial Regex IsoMoment();
}
