using System.Net;
using System.Text.Json;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Publication;

/// <summary>The official report as a web page and PDF route, over real HTTP on the demo samples.</summary>
public class ReportPageTests(DemoSites sites) : IClassFixture<DemoSites>
{
    private static string Page(string key, string? asOf = null) =>
        "/audits/" + Uri.EscapeDataString(key) + "/report" + (asOf is null ? "" : "?asOf=" + Uri.EscapeDataString(asOf));

    [Fact]
    public async Task The_page_lists_the_published_findings_in_the_seven_columns()
    {
        var site = await sites.ForAsync("sqlite");
        var page = await site.PageAsync(Page(R5));

        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("テーマ「", page.QuerySelector(".report-theme")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Glossary.ReportColumns, page.QuerySelectorAll(".report-columns th").Select(th => th.TextContent));
        // Those published by 令和7年8月 (sample 03), 措置中 and 対応しない among them; the open ones only in the summary.
        Assert.Equal(
            ["R5-指-1", "R5-指-2", "R5-指-3", "R5-指-5", "R5-指-6", "R5-意-1", "R5-意-2", "R5-意-4", "R5-意-7", "R5-意-9", "R5-意-11", "R5-意-12"],
            page.QuerySelectorAll(".report-number").Select(td => td.TextContent));
        var row = page.QuerySelectorAll(".report-table tbody tr").First(tr => tr.QuerySelector(".report-number")?.TextContent == "R5-指-6");
        Assert.Equal("措置中 (R7.8)", row.QuerySelector(".report-status")!.TextContent);
        // The title is the content's first paragraph, the excerpt's paragraphs follow.
        var content = row.QuerySelectorAll(".report-content p").Select(p => p.TextContent).ToList();
        Assert.True(content.Count >= 2, string.Join('|', content));
        Assert.Equal("report-finding-title", row.QuerySelector(".report-content p")!.ClassName);
    }

    [Fact]
    public async Task The_summary_keeps_its_rows_and_counts_finer_states_as_uchi_lines()
    {
        var site = await sites.ForAsync("sqlite");

        var now = Summary(await site.PageAsync(Page(R5)));
        var then = Summary(await site.PageAsync(Page(R5, "2024-06")));

        // 令和7年8月: R5-指-6 措置中, R5-意-12 対応しない; 令和6年6月: R5-指-5 措置中, R5-意-9 検討中 (対応中). Same rows both times.
        Assert.Equal(
            ["指摘事項|意見", "措置済|4|対応済|6", "未措置|2|未対応|6", "うち措置中|1|うち対応中|0", "うち措置を行わない|0|うち対応しない|1", "合計|6|合計|12"],
            now);
        Assert.Equal(
            ["指摘事項|意見", "措置済|2|対応済|3", "未措置|4|未対応|9", "うち措置中|1|うち対応中|1", "うち措置を行わない|0|うち対応しない|0", "合計|6|合計|12"],
            then);
    }

    [Fact]
    public async Task The_page_writes_Japanese_as_is_and_encodes_the_data()
    {
        var site = await sites.ForAsync("sqlite");
        using var response = await site.Client.GetAsync(new Uri(Page(R5), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/report.css\">", html, StringComparison.Ordinal);
        using var css = await site.Client.GetAsync(new Uri("/css/report.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("size: A4 landscape", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_audit_page_links_to_its_report_and_PDF()
    {
        var site = await sites.ForAsync("sqlite");
        foreach (var key in (string[])[R4, R5, R6])
        {
            var page = await site.PageAsync(Audit(key));
            var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains(Page(key), links);
            Assert.Contains(Report(key, "pdf"), links);
        }

        var earlier = await site.PageAsync(Audit(R5, Q("Query.AsOf", "2024-06")));
        Assert.Contains(Page(R5, "2024-06"), earlier.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("bad")]
    [InlineData("%EF%BF%BE")]
    public async Task A_month_that_cannot_be_read_is_a_400_not_a_500(string asOf)
    {
        var site = await sites.ForAsync("sqlite");

        var page = await site.PageAsync(Page(R5, asOf), 400);
        Assert.Contains("時点", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h1"));

        using var pdf = await site.Client.GetAsync(new Uri(Report(R5, "pdf", asOf), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await pdf.Content.ReadAsStringAsync());
        Assert.Equal("時点を読めません", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_command_line_writes_the_page_s_report_as_one_HTML_file_that_needs_nothing_else()
    {
        var site = await sites.ForAsync("sqlite");
        using var dir = new TempDir();

        var run = await CliRun.RunAsync("export", "--db", site.Database.DbArgument, "--format", "html", "--audit", R5, "-o", dir.File("r5.html"));

        Assert.True(run.ExitCode == 0, run.Error);
        var html = await File.ReadAllTextAsync(dir.File("r5.html"));
        var file = Site.Parse(html);
        var page = await site.PageAsync(Page(R5));
        Assert.Equal(page.QuerySelector(".report-table")!.OuterHtml, file.QuerySelector(".report-table")!.OuterHtml);
        Assert.Equal(page.QuerySelector("h1")!.TextContent, file.QuerySelector("h1")!.TextContent);
        Assert.Contains("size: A4 landscape", file.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(file.QuerySelectorAll("link, script, img"));
    }

    [Fact]
    public async Task An_unknown_audit_is_a_404()
    {
        var site = await sites.ForAsync("sqlite");
        await site.PageAsync(Page("R9-ない監査"), 404);
        using var pdf = await site.Client.GetAsync(new Uri(Report("R9-ない監査", "pdf"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    [Fact]
    public async Task The_PDF_route_prints_the_report_as_of_the_month()
    {
        var site = await sites.ForAsync("sqlite");
        using var response = await site.Client.GetAsync(new Uri(Report(R5, "pdf", "2024-06"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        PdfFiles.AssertA4Landscape(pdf);
        var text = string.Concat(PdfFiles.PageTexts(pdf));
        Assert.Contains("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)", text, StringComparison.Ordinal);
        Assert.Equal(["R5-指-1", "R5-指-3", "R5-指-5", "R5-意-2", "R5-意-4", "R5-意-7", "R5-意-9"], PdfFiles.Numbers(text));
    }

    [Fact]
    public async Task Without_chromium_the_PDF_route_answers_503_in_Japanese()
    {
        var site = await sites.ForAsync("sqlite");
        await using var host = await WebHost.StartAsync(site.Database.Target, new Dictionary<string, string?> { ["Kansa:Pdf:Chromium"] = "/nonexistent/chromium" });

        using var response = await host.Client.GetAsync(new Uri(Report(R5, "pdf"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("apt-get install chromium fonts-ipaexfont", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_HTML_matches_its_golden_file_and_the_page_embeds_the_same_markup()
    {
        var site = await sites.ForAsync("sqlite");
        // The command line's way: its own services, no web host.
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection().AddLogging().AddKansaReports(configuration).BuildServiceProvider();
        await using var context = site.Database.CreateContext();
        var reports = await new LoadOfficialReport(context, TimeProvider.System).RunAsync(null, R5, CancellationToken.None);
        var html = await new ReportHtml(services, services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()).RenderAsync(reports!);

        Golden.AssertMatches("official-report-demo-R5.html", System.Text.Encoding.UTF8.GetBytes(html));
        using var response = await site.Client.GetAsync(new Uri(Page(R5), UriKind.Relative));
        Assert.Contains(html, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string> Summary(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".report-summary tr").Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent.Trim())))];
}
