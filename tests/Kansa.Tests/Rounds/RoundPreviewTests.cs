using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kansa.Tests.Support;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Rounds;

/// <summary>
/// Issue 6 item 4: the round preview reads like the public report (paragraphs and ・ lists, no literal markup), lists
/// what the round changes and newly publishes apart from what is already published, and publishes only after a
/// confirmation that names the month in 和暦, placed after the preview.
/// </summary>
public class RoundPreviewTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_preview_renders_texts_like_the_public_report_and_publishes_only_once_confirmed(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        await RoundChangesTests.ApprovedAsync(setup, "R5-指-1", "措置済", "令和7年10月に規程を改正した。\n\n・調達規程\n・運用要領");
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        var staff = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var path = $"/staff/rounds/{round}";

        var document = new HtmlParser().ParseDocument(await staff.GetStringAsync(path));
        var text = document.Body!.TextContent;
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("</p>", text, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("ul.plain-list li"), li => li.TextContent == "・調達規程");
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.Trim() == "令和7年10月に規程を改正した。");
        Assert.Contains("令和5年度包括外部監査の結果に対する対応状況(令和7年11月現在)", text, StringComparison.Ordinal);
        Assert.Equal(["番号", "報告書頁", "区分", "所管課", "内容(報告書より抜粋)", "対応区分(公表年月)", "措置(対応)の内容"],
            document.QuerySelectorAll("table.report thead th").Select(th => th.TextContent).ToArray());

        // What the round changes, and the newly published response apart from the already published ones.
        Assert.Contains("新たに措置済・対応済になったもの (1 件)", text, StringComparison.Ordinal);
        var newly = Section(document, "この回で新たに公表する回答");
        var already = Section(document, "公表済の回答");
        Assert.Contains("R5-指-1", newly, StringComparison.Ordinal);
        Assert.DoesNotContain("R5-指-1", already, StringComparison.Ordinal);
        Assert.Contains("R5-意-24", already, StringComparison.Ordinal);
        Assert.DoesNotContain("R5-意-24", newly, StringComparison.Ordinal);

        // The publish form comes after the preview and asks to confirm the month in 和暦.
        var publish = document.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Publish", StringComparison.Ordinal));
        var preview = document.QuerySelectorAll("h2").Single(h => h.TextContent == "公表資料のプレビュー");
        Assert.True(preview.CompareDocumentPosition(publish).HasFlag(DocumentPositions.Following), "the publish form is before the preview");
        var confirm = publish.QuerySelector("input[type=checkbox][name=confirm]")!;
        Assert.True(confirm.HasAttribute("required"));
        Assert.Equal("令和7年11月現在として公表します", publish.QuerySelector($"label[for={confirm.Id}]")!.TextContent);

        // Without the tick nothing is published; with it the round is.
        var unticked = await StaffAccounts.PostFormAsync(staff, path + "?handler=Publish", [], path);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("確認欄「令和7年11月現在として公表します」にチェックを入れてください", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((bool)(await ReadAsync(await coord.GetAsync($"/api/v1/rounds/{round}")))["published"]!);
        var ticked = await StaffAccounts.PostFormAsync(staff, path + "?handler=Publish", new() { ["confirm"] = "yes" }, path);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.True((bool)(await ReadAsync(await coord.GetAsync($"/api/v1/rounds/{round}")))["published"]!);
    }

    /// <summary>The text from a heading that starts with <paramref name="heading"/> up to the next h2.</summary>
    private static string Section(IDocument document, string heading)
    {
        var h2 = document.QuerySelectorAll("h2").Single(h => h.TextContent.StartsWith(heading, StringComparison.Ordinal));
        var text = new System.Text.StringBuilder();
        for (var node = h2.NextElementSibling; node is not null && node.LocalName != "h2"; node = node.NextElementSibling)
        {
            text.Append(node.TextContent);
        }

        return text.ToString();
    }
}
