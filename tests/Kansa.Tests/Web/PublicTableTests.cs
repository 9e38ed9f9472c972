using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kansa.Findings;
using Kansa.Tests.Support;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Web;

/// <summary>
/// The public pages say what the city's table says, in its words (issue 6, item 7): progress per category,
/// the status filter in the badges' words, 未公表 instead of a registry gap, the document named as 出典.
/// </summary>
public class PublicTableTests(DemoSites demo) : IClassFixture<DemoSites>
{
    private const string Unpublished = "未公表 (市はまだ措置状況を公表していません)";

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_finding_the_city_has_not_published_says_so_on_every_public_page(string engine)
    {
        var site = await demo.ForAsync(engine);

        var list = await site.PageAsync(Audit(R5, Q("Query.Unpublished", "list")));
        var row = Rows(list).Single(r => Text(r.Cells[0]) == "R5-指-4");
        Assert.Equal(Unpublished, Text(row.Cells[3]));
        Assert.Contains("unpublished", row.ClassList);

        var finding = await site.PageAsync(Finding(R5, "R5-指-4"));
        Assert.Equal("R5-指-4 " + Unpublished, Text(finding.QuerySelector("h1")));

        // A published finding keeps its title, and the old registry wording is gone from every public page.
        Assert.Equal("概算払をした補助金の精算の遅れについて", Text(Rows(list).Single(r => Text(r.Cells[0]) == "R5-指-5").Cells[3]));
        foreach (var path in new[] { "/", Audit(R5), Audit(R5, Q("Query.Unpublished", "list")), Finding(R5, "R5-指-4"), Finding("R5-意-3") })
        {
            var html = await site.Client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain("内容は未登録", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_page_collapses_unpublished_findings_into_one_line_per_category(string engine)
    {
        var site = await demo.ForAsync(engine);

        var doc = await site.PageAsync(Audit(R5));

        var groups = doc.QuerySelectorAll("details.unpublished-group").ToList();
        Assert.Equal(
            ["未公表の指摘 1 件: R5-指-4", "未公表の意見 5 件: R5-意-3, R5-意-5, R5-意-6, R5-意-8, R5-意-10"],
            groups.Select(g => Text(g.QuerySelector("summary"))));
        Assert.All(groups, g => Assert.False(g.HasAttribute("open")));

        // The rows are behind the line, in a table of their own; the main table holds the published ones only.
        Assert.Equal(["R5-意-3", "R5-意-5", "R5-意-6", "R5-意-8", "R5-意-10"], Rows(groups[1]).Select(r => Text(r.Cells[0])));
        Assert.All(Rows(groups[1]), r => Assert.Equal(Unpublished, Text(r.Cells[3])));
        var main = doc.QuerySelectorAll("table.findings").First(t => t.Closest("details") is null);
        Assert.Equal(12, main.QuerySelectorAll("tbody tr").Length);
        Assert.Empty(main.QuerySelectorAll("tbody tr.unpublished"));
        Assert.Equal("指摘・意見 (18 件)", doc.QuerySelectorAll("h2").Select(Text).Single(h => h.StartsWith("指摘・意見", StringComparison.Ordinal)));

        // Listing them instead is a choice of the form, kept in the link.
        var listed = await site.PageAsync(Audit(R5, Q("Query.Unpublished", "list")));
        Assert.Empty(listed.QuerySelectorAll("details"));
        Assert.Equal(18, Rows(listed).Count);
        Assert.Equal("list", ((IHtmlSelectElement)listed.QuerySelector("select[name='Query.Unpublished']")!).Value);

        // The filters apply to the collapsed lines too.
        var opinions = await site.PageAsync(Audit(R5, Q("Query.Category", "意見")));
        Assert.Equal(["未公表の意見 5 件: R5-意-3, R5-意-5, R5-意-6, R5-意-8, R5-意-10"],
            opinions.QuerySelectorAll("details.unpublished-group summary").Select(Text));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_seed_collapses_to_the_three_unpublished_findings_of_its_summary(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);

        var doc = await site.PageAsync(Audit(R5));

        var lines = doc.QuerySelectorAll("details.unpublished-group summary").Select(Text).ToList();
        Assert.Equal("未公表の指摘 3 件: R5-指-1, R5-指-2, R5-指-5", lines[0]);
        Assert.StartsWith("未公表の意見 19 件: R5-意-1, R5-意-2, R5-意-3, R5-意-6,", lines[1], StringComparison.Ordinal);
        Assert.Equal(["措置済 4 / 指摘 7", "対応済 10 / 意見 29"], doc.QuerySelectorAll(".progress-list .nowrap").Select(Text));
        var front = await site.PageAsync("/");
        Assert.Equal(["措置済 4 / 指摘 7", "対応済 10 / 意見 29"], front.QuerySelectorAll("table.audits .progress-text").Select(Text));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_page_shows_progress_per_category_in_the_city_s_words(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var (query, expected) in new[]
        {
            ((string?)null, new[] { "措置済 4 / 指摘 6", "対応済 6 / 意見 12" }),
            (Q("Query.AsOf", "2024-06"), ["措置済 2 / 指摘 6", "対応済 3 / 意見 12"]),
        })
        {
            var doc = await site.PageAsync(Audit(R5, query));

            var items = doc.QuerySelectorAll(".progress-list li").ToList();
            Assert.Equal(expected, items.Select(li => Text(li.QuerySelector(".nowrap"))));
            Assert.Equal(["指摘の措置済の割合", "意見の対応済の割合"], items.Select(li => li.QuerySelector("progress")!.GetAttribute("aria-label")));
        }

        // A regular audit's words come from its own summary table too.
        var r6 = await site.PageAsync(Audit(R6));
        Assert.Equal(["措置済 6 / 指摘 8", "対応済 3 / 意見 5"], r6.QuerySelectorAll(".progress-list li .nowrap").Select(Text));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_status_filter_offers_the_words_of_the_badges(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var query in new[] { null, Q("Query.AsOf", "2024-06"), Q("Query.AsOf", "2024-06") + "&" + Q("Query.State", "in_progress") })
        {
            var doc = await site.PageAsync(Audit(R5, query is null ? Q("Query.Unpublished", "list") : query + "&" + Q("Query.Unpublished", "list")));
            var options = doc.QuerySelectorAll("select[name='Query.State'] option")
                .ToDictionary(o => o.GetAttribute("value")!, o => Text(o), StringComparer.Ordinal);
            Assert.Equal("すべて", options[""]);

            // Every word a badge shows is in the option of its state, so a reader finds what they see.
            var badges = doc.QuerySelectorAll("table.findings tbody .badge").ToList();
            Assert.NotEmpty(badges);
            foreach (var badge in badges)
            {
                var state = badge.ClassList.Single(c => c.StartsWith("badge-", StringComparison.Ordinal))["badge-".Length..];
                Assert.Contains(Text(badge), options[state].Split(" / "));
            }
        }

        var latest = await site.PageAsync(Audit(R5));
        Assert.Equal(["すべて", "措置済 / 対応済", "措置中 / 対応中", "措置を行わない / 対応しない", "未措置 / 未対応"],
            latest.QuerySelectorAll("select[name='Query.State'] option").Select(Text));
        Assert.Equal("対応区分", Text(latest.QuerySelector("label[for='state']")));
        var older = await site.PageAsync(Audit(R5, Q("Query.AsOf", "2024-06")));
        Assert.Equal("措置中 / 対応中 / 検討中", Text(older.QuerySelector("select[name='Query.State'] option[value='in_progress']")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_source_column_names_the_document_not_the_file(string engine)
    {
        var site = await demo.ForAsync(engine);

        var doc = await site.PageAsync(Finding(R5, "R5-意-9"));

        var history = doc.QuerySelector("table.history")!;
        Assert.Equal("出典", Text(history.QuerySelectorAll("thead th")[3]));
        Assert.Equal(["令和6年6月現在の公表資料", "令和7年8月現在の公表資料"],
            history.QuerySelectorAll("tbody tr").Select(r => Text(r.QuerySelectorAll("td")[3])));
        Assert.DoesNotContain(".txt", history.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_public_table_scrolls_in_a_named_focusable_box_and_labels_its_cells(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var path in new[] { "/", Audit(R5), Audit(R5, Q("Query.Unpublished", "list")), Finding(R5, "R5-指-5") })
        {
            var doc = await site.PageAsync(path);

            var tables = doc.QuerySelectorAll("main table").ToList();
            Assert.NotEmpty(tables);
            foreach (var table in tables)
            {
                var box = table.ParentElement!;
                Assert.Contains("table-scroll", box.ClassList);
                Assert.Equal("0", box.GetAttribute("tabindex"));
                Assert.Equal("region", box.GetAttribute("role"));
                Assert.Equal(table.QuerySelector("caption")!.Id, box.GetAttribute("aria-labelledby"));

                // A card names each value by its column's header.
                if (table.ClassList.Contains("cards"))
                {
                    var headers = table.QuerySelectorAll("thead th").Select(Text).ToList();
                    Assert.All(table.QuerySelectorAll("tbody tr"), tr =>
                        Assert.Equal(headers, tr.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label"))));
                }
            }
        }
    }

    private static List<IHtmlTableRowElement> Rows(IParentNode scope) =>
        [.. scope.QuerySelectorAll("table.findings tbody tr").Cast<IHtmlTableRowElement>()];

    private static string Text(IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}
