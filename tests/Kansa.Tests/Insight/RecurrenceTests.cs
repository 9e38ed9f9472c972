using Kansa.Recurrence;
using Kansa.Tests.Support;
using Xunit.Abstractions;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Insight;

/// <summary>Recurring findings (issue 10, item 3): a score anyone can follow, explained by the words both findings share.</summary>
public class RecurrenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Terms_are_kanji_and_katakana_bigrams_and_latin_words_folded_by_NFKC()
    {
        Assert.Equal(["再委", "委託", "契約", "約書"], TermText.Terms("再委託の契約書"));
        Assert.Equal(TermText.Terms("パスワードの管理"), TermText.Terms("ﾊﾟｽﾜｰﾄﾞの管理"));
        Assert.Equal(["dx", "推進", "it"], TermText.Terms("ＤＸ推進とITの2021年"));
    }

    [Fact]
    public void The_shared_words_are_as_whole_as_both_texts_allow()
    {
        var index = new SimilarityIndex(
        [
            new TermDocument(1, 1, "業務の再委託について", "再委託の承認を受けていない。"),
            new TermDocument(2, 2, "清掃業務の再委託の確認について", "委託先が再委託していた。"),
            new TermDocument(3, 3, "パスワードの共有について", "職員がパスワードを共有していた。"),
            new TermDocument(4, 4, "公用車の管理について", "運行記録がない。"),
            new TermDocument(5, 5, "備品の管理について", "台帳がない。"),
        ]);

        var similar = index.Similar(1);

        Assert.Equal(2, Assert.Single(similar).Id);
        Assert.Contains("再委託", similar[0].SharedTerms);
        Assert.DoesNotContain("委託", similar[0].SharedTerms);
        Assert.InRange(similar[0].Score, 0.1, 1.0);
        // Findings of the same audit are not "recurring".
        Assert.Empty(new SimilarityIndex([new TermDocument(1, 1, "再委託", null), new TermDocument(2, 1, "再委託", null)]).Similar(1));
    }

    [Fact]
    public async Task The_demo_finding_page_lists_similar_findings_of_other_years_and_the_themes_page_groups_them()
    {
        await using var site = await Site.DemoAsync("sqlite");

        var page = await site.PageAsync(Finding(R6, "R6-指-2"));
        var rows = page.QuerySelectorAll("table.similar-findings tbody tr").ToList();
        foreach (var r in rows)
        {
            output.WriteLine(string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())));
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain("令和6年度定期監査", r.Children[0].TextContent, StringComparison.Ordinal));
        var first = rows[0];
        Assert.Equal("R4-指-2", first.Children[1].TextContent.Trim());
        Assert.Contains("随意契約", first.Children[4].TextContent, StringComparison.Ordinal);

        var themes = await site.PageAsync("/themes");
        var headings = themes.QuerySelectorAll("section.theme-group h2").Select(h => h.TextContent.Trim()).ToList();
        output.WriteLine(string.Join('\n', headings));
        Assert.Contains(headings, h => h.StartsWith("随意契約 (令和4年度、令和6年度の監査", StringComparison.Ordinal));
    }
}
