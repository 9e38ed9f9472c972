using System.Xml.Linq;
using AngleSharp.Dom;
using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Insight;

/// <summary>
/// Progress and ageing, drawn (issue 10, item 2), on the seed: the audit page's 4/7 and 10/29 with the months each was
/// published, the department pages under the names of their time, how long findings stayed open, and charts whose
/// SVG parses and whose table is the data.
/// </summary>
public class ProgressPageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_audit_page_draws_4_of_7_and_10_of_29_with_the_months_each_was_published(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);

        var doc = await site.PageAsync(Audit(R5));

        Assert.Equal(
            ["指摘: 措置済 4/7 (R6.10 1件、R7.8 3件)", "意見: 対応済 10/29 (R6.6 2件、R7.1 6件、R7.5 2件)"],
            doc.QuerySelectorAll(".progress-rounds li").Select(Text));
        Assert.Equal(
            [["R6.6", "0", "7", "7"], ["R6.10", "1", "6", "7"], ["R7.1", "1", "6", "7"], ["R7.5", "1", "6", "7"], ["R7.8", "4", "3", "7"]],
            TableRows(doc, "#progress-finding"));
        Assert.Equal(
            [["R6.6", "2", "27", "29"], ["R6.10", "2", "27", "29"], ["R7.1", "8", "21", "29"], ["R7.5", "10", "19", "29"], ["R7.8", "10", "19", "29"]],
            TableRows(doc, "#progress-opinion"));
        Assert.Equal(["公表年月", "措置済 (累計)", "未措置", "合計"], doc.QuerySelectorAll("#progress-finding thead th").Select(Text));

        // Each chart is an image of its own, drawn from the same numbers: its axis labels are the table's months, its
        // legend the table's columns, its title the table's caption.
        foreach (var table in doc.QuerySelectorAll("table.chart-data"))
        {
            var src = table.Closest("figure")!.QuerySelector("img")!.GetAttribute("src")!;
            var svg = await ChartAsync(site, src);
            Assert.Equal(Text(table.QuerySelector("caption")), svg.Root!.Element(Svg + "title")!.Value);
            var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
            var months = table.QuerySelectorAll("tbody th").Select(Text).ToList();
            Assert.Equal(months, texts.Where(months.Contains));
            Assert.All(table.QuerySelectorAll("thead th").Skip(1).SkipLast(1).Select(Text), label => Assert.Contains(label, texts));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_department_page_of_DX推進課_lists_its_findings_across_audits(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);

        var index = await site.PageAsync("/departments");
        var link = index.QuerySelectorAll("table.departments-overview a").Single(a => Text(a) == "DX推進課");
        var row = link.Closest("tr")!;
        Assert.Equal(["DX推進課", "6", "6", "0", "0", "—"], row.Children.Select(Text));

        var page = await site.PageAsync(link.GetAttribute("href")!);

        Assert.Equal("DX推進課", Text(page.QuerySelector("h1")));
        var rows = page.QuerySelectorAll("table.department-findings tbody tr").ToList();
        Assert.Equal(["R5-指-3", "R5-指-4", "R5-意-5", "R5-意-7", "R5-意-9", "R5-意-19"], rows.Select(r => Text(r.Children[1])));
        Assert.All(rows, r => Assert.Equal("令和5年度包括外部監査", Text(r.Children[0])));
        Assert.Equal("IT関連の外部委託契約書の見直しについて", Text(rows[0].Children[2]));
        // Months from the report (no report date: the end of FY2023, 令和6年3月) to the publication month.
        Assert.Equal("1年5か月で措置済", Text(rows[0].Children[5]));
        Assert.Equal("10か月で対応済", Text(rows.Single(r => Text(r.Children[1]) == "R5-意-19").Children[5]));
        Assert.Contains("年度の末 (3月)", Text(page.QuerySelector(".note")), StringComparison.Ordinal);

        await site.PageAsync("/departments/999999", 404);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_renamed_department_lists_its_findings_under_the_name_of_their_time(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);
        int id;
        await using (var db = site.Database.CreateContext())
        {
            id = (await db.Departments.SingleAsync(d => d.Name == "DX推進課")).Id;
            var coordinator = new StaffUser("u1", "kanri", new HashSet<string>(StringComparer.Ordinal) { Roles.Coordinator }, new HashSet<int>());
            var renamed = await new RenameDepartment(db).RunAsync(coordinator, id, "デジタル推進課", new YearMonth(2026, 4), null, CancellationToken.None);
            Assert.True(renamed.Succeeded);
        }

        var page = await site.PageAsync($"/departments/{id}");

        Assert.Equal("デジタル推進課", Text(page.QuerySelector("h1")));
        Assert.Equal("以前の名称: DX推進課 (令和8年4月より前)", Text(page.QuerySelector(".former-names")));
        // The audit's latest publication (令和7年8月現在) named it DX推進課: so do its findings.
        var rows = page.QuerySelectorAll("table.department-findings tbody tr").ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("DX推進課", Text(r.Children[3])));
        var index = await site.PageAsync("/departments");
        Assert.Contains("デジタル推進課", index.QuerySelectorAll("table.departments-overview th a").Select(Text));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_ageing_page_counts_months_from_the_report_to_done_and_the_findings_open_a_year_on(string engine)
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync(engine, [TestPaths.SeedFile]);

        var doc = await site.PageAsync("/ageing");

        // Done: R6.6 (3 months after 令和6年3月), R6.10 (7), R7.1 (10), R7.5 (14), R7.8 (17); 22 still open 17 months on.
        Assert.Equal([["令和5年度", "36", "9", "5", "10か月", "0", "22"]], TableRows(doc, "table.ageing-years"));
        Assert.Equal(
            [["6か月未満", "0", "2", "2"], ["6か月〜1年", "1", "6", "7"], ["1年〜2年", "3", "2", "5"], ["2年〜3年", "0", "0", "0"], ["3年以上", "0", "0", "0"]],
            TableRows(doc, "#spans-chart"));
        Assert.Equal([["令和5年度", "9", "5", "0", "22", "36"]], TableRows(doc, "#years-chart"));
        Assert.Equal("監査から1年以上たっても未措置・未対応のもの (22 件)", doc.QuerySelectorAll("h2").Select(Text).Last());
        Assert.Contains(doc.QuerySelectorAll("p").Select(Text), p => p.StartsWith("ほかに、市がまだ措置状況を公表していない指摘・意見が 22 件", StringComparison.Ordinal));

        foreach (var src in doc.QuerySelectorAll("figure.chart img").Select(i => i.GetAttribute("src")!))
        {
            var svg = await ChartAsync(site, src);
            Assert.NotNull(svg.Root!.Element(Svg + "desc"));
        }
    }

    [SkippableFact]
    public async Task The_static_site_has_the_department_and_ageing_pages_and_their_charts()
    {
        TestPaths.RequireSeed();
        await using var site = await Site.StartAsync("sqlite", [TestPaths.SeedFile]);
        using var dir = new TempDir();
        var output = dir.File("site");

        await new Kansa.StaticSite.PublishStaticSite(site.Database.Target, TextWriter.Null).RunAsync(output, dropBroken: false, CancellationToken.None);

        foreach (var file in new[]
        {
            "departments/index.html", "departments/chart.svg", "ageing/index.html", "ageing/years.svg", "ageing/spans.svg",
            "audits/R5-包括外部監査/progress-finding.svg", "audits/R5-包括外部監査/progress-opinion.svg",
        })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        XDocument.Load(Path.Combine(output, "ageing", "years.svg"));
        var audit = Site.Parse(await File.ReadAllTextAsync(Path.Combine(output, "audits", "R5-包括外部監査", "index.html")));
        Assert.Equal(["progress-finding.svg", "progress-opinion.svg"], audit.QuerySelectorAll("figure.chart img").Select(i => i.GetAttribute("src")));
        var departments = Site.Parse(await File.ReadAllTextAsync(Path.Combine(output, "departments", "index.html")));
        var dx = departments.QuerySelectorAll("a").Single(a => Text(a) == "DX推進課").GetAttribute("href")!;
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(output, "departments", Uri.UnescapeDataString(dx)))), dx);
    }

    /// <summary>Fetches a chart: SVG, under the CSP, no inline style, and a well-formed XML document.</summary>
    private static async Task<XDocument> ChartAsync(Site site, string src)
    {
        using var response = await site.Client.GetAsync(new Uri(src, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {src}: {(int)response.StatusCode}");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null || e.Name == Svg + "style" || e.Name == Svg + "script");
        Assert.NotEmpty(svg.Descendants(Svg + "text"));
        return svg;
    }

    private static List<List<string>> TableRows(IParentNode doc, string selector) =>
        [.. doc.QuerySelector(selector)!.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(Text).ToList())];

    private static string Text(IElement? e) => string.Join(' ', (e?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
