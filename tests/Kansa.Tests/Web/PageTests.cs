using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Json.Schema;
using Kansa.Findings;
using Kansa.Tests.Support;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Web;

/// <summary>The public pages and downloads over HTTP, on the real app and a real database of each engine.</summary>
public class PageTests(DemoSites demo) : IClassFixture<DemoSites>
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(TestPaths.Output("schemas", "kansa-1.schema.json")));

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_front_page_lists_the_three_audits_with_their_progress(string engine)
    {
        var site = await demo.ForAsync(engine);

        var doc = await site.PageAsync("/");

        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        var rows = doc.QuerySelectorAll("table.audits tbody tr").Select(r => new
        {
            Year = Cell(r, 0),
            Link = r.QuerySelector("a")!.GetAttribute("href"),
            Kind = r.QuerySelector("a")!.TextContent.Trim(),
            LinkName = r.QuerySelector("a")!.GetAttribute("aria-label"),
            AsOf = Cell(r, 2),
            Findings = Text(r.QuerySelectorAll("td")[3].QuerySelector(".progress-text")),
            Opinions = Text(r.QuerySelectorAll("td")[4].QuerySelector(".progress-text")),
            Progress = r.QuerySelectorAll("progress").Select(p => p.GetAttribute("value") ?? "").ToArray(),
            ProgressName = r.QuerySelectorAll("progress").Select(p => p.GetAttribute("aria-label") ?? "").ToArray(),
        }).ToList();
        Assert.Equal(["令和6年度", "令和5年度", "令和4年度"], rows.Select(r => r.Year));
        Assert.Equal([Audit(R6), Audit(R5), Audit(R4)], rows.Select(r => r.Link));
        Assert.Equal(["定期監査", "包括外部監査", "包括外部監査"], rows.Select(r => r.Kind));

        // The year has its own column; the links' names carry it too, so that each one is unique in a list of links.
        Assert.Equal(["令和6年度定期監査", "令和5年度包括外部監査", "令和4年度包括外部監査"], rows.Select(r => r.LinkName));
        Assert.Equal(["令和5年度包括外部監査の指摘の措置済の割合", "令和5年度包括外部監査の意見の対応済の割合"], rows[1].ProgressName);
        Assert.All(rows, r => Assert.Equal("令和7年8月現在", r.AsOf));

        // 指摘 and 意見 apart, in the city's words, as the summary table of each audit counts them.
        Assert.Equal(["措置済 6 / 指摘 8", "措置済 4 / 指摘 6", "措置済 3 / 指摘 4"], rows.Select(r => r.Findings));
        Assert.Equal(["対応済 3 / 意見 5", "対応済 6 / 意見 12", "対応済 6 / 意見 9"], rows.Select(r => r.Opinions));
        Assert.Equal([["75", "60"], ["67", "50"], ["75", "67"]], rows.Select(r => r.Progress));
        Assert.Contains("補助金等の交付事務及び交付先団体に対する指導監督について", doc.QuerySelector("table.audits")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EnginesAndAudits()
    {
        var data = new TheoryData<string, string>();
        foreach (string engine in TestDatabase.Engines)
        {
            foreach (var key in new[] { R4, R5, R6 })
            {
                data.Add(engine, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndAudits))]
    public async Task Each_audit_page_shows_its_theme_summary_table_and_findings(string engine, string key)
    {
        var site = await demo.ForAsync(engine);
        var (title, theme, summary, numbers) = key switch
        {
            R4 => (
                "令和4年度包括外部監査の結果に対する対応状況(令和7年8月現在)",
                "公共施設の維持管理及び長寿命化に係る財務事務の執行について",
                new Dictionary<string, string[]>
                {
                    ["指摘事項"] = ["措置済=3", "措置中=1", "措置を行わない=0", "未措置=0", "合計=4"],
                    ["意見"] = ["対応済=6", "対応中=0", "対応しない=1", "未対応=2", "合計=9"],
                },
                Numbers("R4", 4, 9)),
            R5 => (
                "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)",
                "補助金等の交付事務及び交付先団体に対する指導監督について",
                new Dictionary<string, string[]>
                {
                    ["指摘事項"] = ["措置済=4", "措置中=1", "措置を行わない=0", "未措置=1", "合計=6"],
                    ["意見"] = ["対応済=6", "対応中=0", "対応しない=1", "未対応=5", "合計=12"],
                },
                Numbers("R5", 6, 12)),
            _ => (
                "令和6年度定期監査の結果に対する対応状況(令和7年8月現在)",
                "財務に関する事務の執行及び経営に係る事業の管理について(市民局、環境経済局、こども家庭局、教育委員会事務局)",
                new Dictionary<string, string[]>
                {
                    ["指摘事項"] = ["措置済=6", "措置中=1", "未措置=1", "合計=8"],
                    ["意見"] = ["対応済=3", "対応中=1", "未対応=1", "合計=5"],
                },
                Numbers("R6", 8, 5)),
        };

        // Listed in number order; the default view collapses the unpublished ones (PublicTableTests).
        var doc = await site.PageAsync(Audit(key, Q("Query.Unpublished", "list")));

        Assert.Equal(title, Text(doc.QuerySelector("h1")));
        Assert.Equal($"テーマ「{theme}」", Text(doc.QuerySelector("p.theme")));
        Assert.Equal(summary, SummaryOf(doc));
        var rows = FindingRows(doc);
        Assert.Equal(numbers, rows.Select(r => r.Number));
        Assert.Equal($"指摘・意見 ({numbers.Count} 件)", doc.QuerySelectorAll("h2").Select(Text).Single(h => h.StartsWith("指摘・意見", StringComparison.Ordinal)));
        Assert.All(rows, r => Assert.Equal(Finding(key, r.Number), r.Link));
        var done = summary.Values.Sum(v => int.Parse(v[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(done, rows.Count(r => r.State == "done"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_finding_row_shows_its_departments_title_status_and_publication(string engine)
    {
        var site = await demo.ForAsync(engine);

        var rows = FindingRows(await site.PageAsync(Audit(R5)));

        var f5 = rows.Single(r => r.Number == "R5-指-5");
        Assert.Equal(("指摘", "子育て支援課、会計課", "概算払をした補助金の精算の遅れについて", "措置済", "done", "令和7年2月"),
            (f5.Category, f5.Departments, f5.Title, f5.Status, f5.State, f5.Published));
        var f4 = rows.Single(r => r.Number == "R5-指-4");
        Assert.Equal(("—", "未公表 (市はまだ措置状況を公表していません)", "未措置", "open", "—"), (f4.Departments, f4.Title, f4.Status, f4.State, f4.Published));
        var o12 = rows.Single(r => r.Number == "R5-意-12");
        Assert.Equal(("意見", "対応しない", "will_not_implement"), (o12.Category, o12.Status, o12.State));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Filters_by_category_state_and_department_narrow_the_list(string engine)
    {
        var site = await demo.ForAsync(engine);

        async Task<IReadOnlyList<string>> Numbers(params string[] query) =>
            [.. FindingRows(await site.PageAsync(Audit(R5, string.Join('&', [.. query, Q("Query.Unpublished", "list")])))).Select(r => r.Number)];

        Assert.Equal(["R5-指-1", "R5-指-2", "R5-指-3", "R5-指-4", "R5-指-5", "R5-指-6"], await Numbers(Q("Query.Category", "指摘")));
        Assert.Equal(12, (await Numbers(Q("Query.Category", "意見"))).Count);
        Assert.Equal(["R5-指-6"], await Numbers(Q("Query.State", "in_progress")));
        Assert.Equal(["R5-意-12"], await Numbers(Q("Query.State", "will_not_implement")));
        Assert.Equal(10, (await Numbers(Q("Query.State", "done"))).Count);
        Assert.Equal(["R5-指-5", "R5-意-11"], await Numbers(Q("Query.Department", "会計課")));
        Assert.Equal(["R5-意-1", "R5-意-2", "R5-意-11"], await Numbers(Q("Query.Category", "意見"), Q("Query.Department", "財政課")));
        Assert.Empty(await Numbers(Q("Query.Category", "指摘"), Q("Query.Department", "財政課")));

        // Empty values (what the form sends for すべて) mean no filter.
        Assert.Equal(18, (await Numbers("Query.AsOf=", "Query.Category=", "Query.State=", "Query.Department=")).Count);

        // The chosen values stay selected, so the form shows what the list is.
        var doc = await site.PageAsync(Audit(R5, Q("Query.Category", "意見") + "&" + Q("Query.Department", "財政課")));
        Assert.Equal("意見", Selected(doc, "Query.Category"));
        Assert.Equal("財政課", Selected(doc, "Query.Department"));
        Assert.Equal("", Selected(doc, "Query.State"));
        var empty = await site.PageAsync(Audit(R5, Q("Query.Category", "指摘") + "&" + Q("Query.Department", "財政課")));
        Assert.Null(empty.QuerySelector("table.findings"));
        Assert.Contains("条件に合う指摘・意見はありません。", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_earlier_month_shows_the_older_status(string engine)
    {
        var site = await demo.ForAsync(engine);

        var doc = await site.PageAsync(Audit(R5, Q("Query.AsOf", "2024-06")));

        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)", Text(doc.QuerySelector("h1")));
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["指摘事項"] = ["措置済=2", "措置中=1", "未措置=3", "合計=6"],
                ["意見"] = ["対応済=3", "対応中=1", "未対応=8", "合計=12"],
            },
            SummaryOf(doc));
        var rows = FindingRows(doc);
        var f5 = rows.Single(r => r.Number == "R5-指-5");
        Assert.Equal(("措置中", "in_progress", "令和6年6月"), (f5.Status, f5.State, f5.Published));
        var o9 = rows.Single(r => r.Number == "R5-意-9");
        Assert.Equal(("検討中", "in_progress"), (o9.Status, o9.State));
        var f2 = rows.Single(r => r.Number == "R5-指-2");
        Assert.Equal(("未措置", "open", "—"), (f2.Status, f2.State, f2.Published));
        Assert.Equal("2024-06", Selected(doc, "Query.AsOf"));
        Assert.All(doc.QuerySelectorAll("ul.downloads a"), a => Assert.EndsWith("?asOf=2024-06", a.GetAttribute("href"), StringComparison.Ordinal));

        // The latest view, for contrast.
        var latest = FindingRows(await site.PageAsync(Audit(R5))).Single(r => r.Number == "R5-指-5");
        Assert.Equal(("措置済", "done"), (latest.Status, latest.State));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_month_written_in_wareki_is_read_and_stays_selected(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var month in new[] { "令和6年6月", "R6.6" })
        {
            var doc = await site.PageAsync(Audit(R5, Q("Query.AsOf", month)));

            Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)", Text(doc.QuerySelector("h1")));
            Assert.Equal("2024-06", Selected(doc, "Query.AsOf"));
            Assert.Null(doc.QuerySelector(".error"));
        }

        // A month between two publications is offered too, so that the form says what the page shows.
        var between = await site.PageAsync(Audit(R5, Q("Query.AsOf", "2025-01")));
        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和7年1月現在)", Text(between.QuerySelector("h1")));
        Assert.Equal("2025-01", Selected(between, "Query.AsOf"));
        Assert.Equal(["", "2025-08", "2025-02", "2025-01", "2024-06"],
            between.QuerySelectorAll("select[name='Query.AsOf'] option").Select(o => o.GetAttribute("value")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_month_that_cannot_be_read_says_so_and_shows_the_latest(string engine)
    {
        var site = await demo.ForAsync(engine);

        // Refused with 400 (issue 7): the page still shows the latest state and says why.
        var doc = await site.PageAsync(Audit(R5, Q("Query.AsOf", "2024-13")), 400);

        Assert.Equal("令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)", Text(doc.QuerySelector("h1")));
        var error = doc.QuerySelector(".error")!;
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.StartsWith("時点:", Text(error), StringComparison.Ordinal);
        Assert.All(doc.QuerySelectorAll("ul.downloads a"), a => Assert.DoesNotContain("asOf", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_finding_page_shows_the_excerpt_departments_and_status_history(string engine)
    {
        var site = await demo.ForAsync(engine);

        // The Japanese number travels percent-encoded; a full-width form finds the same finding.
        foreach (var path in new[] { Finding("R5-指-5"), Finding("R５-指-５"), Finding(R5, "R5-指-5") })
        {
            var doc = await site.PageAsync(path);

            Assert.Equal("R5-指-5 概算払をした補助金の精算の遅れについて", Text(doc.QuerySelector("h1")));
            var facts = Facts(doc);
            Assert.Equal("令和5年度包括外部監査 テーマ「補助金等の交付事務及び交付先団体に対する指導監督について」", facts["監査"]);
            Assert.Equal("指摘", facts["区分"]);
            Assert.Equal("P60~61", facts["報告書頁"]);
            Assert.Equal("子育て支援課、会計課", facts["所管課"]);
            Assert.Equal("措置済 (令和7年2月 公表)", facts["対応区分"]);
            var prose = doc.QuerySelectorAll(".prose").ToList();
            Assert.Equal(2, prose.Count);
            Assert.Equal(2, prose[0].QuerySelectorAll("p").Length);
            Assert.StartsWith("民間保育所運営費補助金の概算払について", Text(prose[0].QuerySelector("p")), StringComparison.Ordinal);
            Assert.StartsWith("精算が遅れていた案件については", Text(prose[1].QuerySelector("p")), StringComparison.Ordinal);
            Assert.Equal(
                [
                    ["令和6年6月", "措置中", "令和6年6月現在", "令和6年6月現在の公表資料"],
                    ["令和7年2月", "措置済", "令和7年8月現在", "令和7年8月現在の公表資料"],
                ],
                doc.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()));
            Assert.Equal(Audit(R5), doc.QuerySelectorAll("nav.breadcrumbs a")[1].GetAttribute("href"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_finding_page_shows_lists_as_lists_and_an_open_finding_without_history(string engine)
    {
        var site = await demo.ForAsync(engine);

        var open = await site.PageAsync(Finding("R5-指-4"));
        Assert.Equal("R5-指-4 未公表 (市はまだ措置状況を公表していません)", Text(open.QuerySelector("h1")));
        Assert.Equal("R5-指-4 未公表 (市はまだ措置状況を公表していません) | Kansa 監査結果の対応状況", open.Title);
        Assert.Equal("未措置", Facts(open)["対応区分"]);
        Assert.Null(open.QuerySelector("table.history"));
        Assert.Contains("記録はまだありません", open.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var withList = await FirstFindingWithAListAsync(site);
        Assert.NotNull(withList);
        Assert.All(withList.QuerySelectorAll("ul.plain-list li"), li => Assert.StartsWith("・", Text(li), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_number_shared_by_two_audits_offers_a_choice(string engine)
    {
        using var dir = new TempDir();
        var other = dir.Write("r5-teiki.txt", ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", content: "<p>定期監査の指摘の件名</p> <p>本文です。</p>")],
            ReportText.Summary(1, 0, 0, 0),
            title: "令和5年度定期監査の結果に対する対応状況(令和7年8月現在)"));
        await using var site = await Site.StartAsync(engine, [.. TestPaths.DemoSamples, other]);

        var doc = await site.PageAsync(Finding("R5-指-1"));

        Assert.Equal("番号「R5-指-1」の指摘・意見", Text(doc.QuerySelector("h1")));
        Assert.Equal("番号「R5-指-1」の指摘・意見 | Kansa 監査結果の対応状況", doc.Title);
        var choices = doc.QuerySelectorAll("main ul li a").Select(a => (a.GetAttribute("href"), Text(a))).ToList();
        Assert.Equal(
            [
                (Finding(R5, "R5-指-1"), "令和5年度包括外部監査: 補助金交付要綱の規定と運用の不一致について"),
                (Finding("R5-定期監査", "R5-指-1"), "令和5年度定期監査: 定期監査の指摘の件名"),
            ],
            choices.OrderBy(c => c.Item1, StringComparer.Ordinal));
        foreach (var (href, _) in choices)
        {
            var one = await site.PageAsync(href!);
            Assert.StartsWith("R5-指-1 ", Text(one.QuerySelector("h1")), StringComparison.Ordinal);
            Assert.NotNull(one.QuerySelector("dl.facts"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_audit_or_finding_is_a_404_with_a_Japanese_page(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var path in new[]
        {
            Audit("R9-包括外部監査"),
            Finding("R5-指-99"),
            Finding(R5, "R6-指-1"),
            Finding("R9-包括外部監査", "R5-指-1"),
            "/no/such/page",
        })
        {
            var doc = await site.PageAsync(path, 404);

            Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
            Assert.Equal("ページが見つかりません", Text(doc.QuerySelector("h1")));
            Assert.StartsWith("ページが見つかりません", doc.Title, StringComparison.Ordinal);
            Assert.Equal("/", doc.QuerySelector("main a")!.GetAttribute("href"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_server_error_is_a_500_with_a_Japanese_page_and_no_details(string engine)
    {
        // A database without its tables makes every query fail.
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await using var host = await WebHost.StartAsync(db.Target);

        foreach (var path in new[] { "/", Audit(R5), Finding("R5-指-1") })
        {
            using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"GET {path}: {(int)response.StatusCode}\n{html}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var doc = Site.Parse(html);
            Assert.Equal("エラーが発生しました", Text(doc.QuerySelector("h1")));
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("SELECT", html, StringComparison.OrdinalIgnoreCase);
        }

        using var download = await host.Client.GetAsync(new Uri(Report(R5, "json"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        Assert.DoesNotContain("Exception", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_response_carries_a_strict_content_security_policy(string engine)
    {
        var site = await demo.ForAsync(engine);
        var paths = new[]
        {
            "/", Audit(R5), Audit(R5, Q("Query.AsOf", "2024-06")), Finding("R5-指-5"), Finding("R5-指-99"), "/no/such/page",
            "/css/site.css", "/lib/design-tokens/tokens.css",
            Report(R5, "json"), Report(R5, "csv"), Report(R5, "txt"), "/open-data/kansa.json", Report(R5, "json", "bad"), Report(R5, "xml"),
        };

        foreach (var path in paths)
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..], StringComparer.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal(["'self'"], directives["default-src"]);
            Assert.Equal(["'self'"], directives["script-src"]);
            Assert.Equal(["'self'"], directives["style-src"]);
            Assert.Equal(["'none'"], directives["frame-ancestors"]);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

            // Pages must not need what the policy forbids: inline scripts, style elements or attributes, event handlers.
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var doc = Site.Parse(await response.Content.ReadAsStringAsync());
                Assert.Empty(doc.QuerySelectorAll("script:not([src]), style, [style]"));
                Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_stylesheets_and_the_icon_are_served(string engine)
    {
        var site = await demo.ForAsync(engine);
        var doc = await site.PageAsync("/");

        var sheets = doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(["/lib/design-tokens/tokens.css", "/css/site.css"], sheets);
        foreach (var href in sheets)
        {
            using var response = await site.Client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {href}: {(int)response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("--color-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The icon, so that browsers do not ask for /favicon.ico and get a 404 page.
        var icon = doc.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        using var iconResponse = await site.Client.GetAsync(new Uri(icon, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, iconResponse.StatusCode);
        Assert.Equal("image/svg+xml", iconResponse.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Text_from_the_database_is_html_encoded(string engine)
    {
        using var dir = new TempDir();
        var file = dir.Write("xss.txt", ReportText.Document(
            [ReportText.Row(
                "R3-指-1", "指摘", "措置済 (R7.8)",
                department: "総務課",
                content: "<p>&lt;script&gt;alert(1)&lt;/script&gt;の件</p> <p>本文 &lt;img src=x onerror=alert(2)&gt; です。</p>",
                response: "<p>&lt;/p&gt;&lt;script src=\"/x.js\"&gt;&lt;/script&gt;&lt;a href=\"javascript:alert(3)\"&gt;ここ&lt;/a&gt;</p>")],
            ReportText.Summary(1, 0, 0, 0),
            title: "令和3年度行政監査の結果に対する対応状況(令和7年8月現在)",
            theme: "テーマ「&lt;b&gt;太字&lt;/b&gt;と<i>斜体</i>」"));
        await using var site = await Site.StartAsync(engine, [file]);

        foreach (var path in new[] { "/", Audit("R3-行政監査"), Finding("R3-指-1"), Finding("R3-行政監査", "R3-指-1") })
        {
            var doc = await site.PageAsync(path);

            Assert.Empty(doc.QuerySelectorAll("script, img, b, i, a[href^='javascript']"));
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.Equal(4, doc.QuerySelectorAll("head link").Length); // icon, tokens, site.css, the Atom feed
            Assert.Empty(doc.QuerySelectorAll("body link"));
        }

        var finding = await site.PageAsync(Finding("R3-指-1"));
        Assert.Equal("R3-指-1 <script>alert(1)</script>の件", Text(finding.QuerySelector("h1")));
        var prose = finding.QuerySelectorAll(".prose p").Select(Text).ToList();
        Assert.Equal(["本文 <img src=x onerror=alert(2)> です。", "</p><script src=\"/x.js\"></script><a href=\"javascript:alert(3)\">ここ</a>"], prose);

        // The text download writes the seed's markup from plain text, so it must escape too.
        var text = await site.Client.GetStringAsync(new Uri(Report("R3-行政監査", "txt"), UriKind.Relative));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;の件", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_json_download_validates_against_the_schema(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var (path, audits, asOf) in new[]
        {
            (Report(R5, "json"), 1, "2025-08"),
            (Report(R4, "json"), 1, "2025-08"),
            (Report(R6, "json"), 1, "2025-08"),
            (Report(R5, "json", "2024-06"), 1, "2024-06"),
            (Report(R5, "json", "R6.6"), 1, "2024-06"),
            ("/open-data/kansa.json", 3, "2025-08"),
            ("/open-data/kansa.json?asOf=2025-01", 3, "2025-01"),
        })
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.EndsWith($"-{asOf}.json", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var result = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, path + " does not match the schema:\n" + JsonSerializer.Serialize(result));
            Assert.Equal("kansa/1", json.RootElement.GetProperty("schema").GetString());
            Assert.Equal(asOf, json.RootElement.GetProperty("asOf").GetString());
            Assert.Equal(audits, json.RootElement.GetProperty("audits").GetArrayLength());
        }

        using var older = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri(Report(R5, "json", "2024-06"), UriKind.Relative)));
        var f5 = older.RootElement.GetProperty("audits")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("number").GetString() == "R5-指-5");
        Assert.Equal(("措置中", "in_progress", "2024-06"),
            (f5.GetProperty("status").GetString(), f5.GetProperty("state").GetString(), f5.GetProperty("published").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_csv_and_text_downloads_have_their_content_types(string engine)
    {
        var site = await demo.ForAsync(engine);

        using (var csv = await site.Client.GetAsync(new Uri(Report(R5, "csv"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
            Assert.Equal("kansa-R5-包括外部監査-2025-08.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
            var body = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            Assert.StartsWith("監査キー,", body, StringComparison.Ordinal);
            Assert.Contains("R5-指-5", body, StringComparison.Ordinal);
        }

        using (var txt = await site.Client.GetAsync(new Uri(Report(R5, "txt", "2024-06"), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, txt.StatusCode);
            Assert.Equal("text/plain", txt.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", txt.Content.Headers.ContentType?.CharSet);
            var body = (await txt.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            Assert.StartsWith("令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)", body, StringComparison.Ordinal);
        }

        using var all = await site.Client.GetAsync(new Uri("/open-data/kansa.csv", UriKind.Relative));
        Assert.Equal("text/csv", all.Content.Headers.ContentType?.MediaType);
        var allText = await all.Content.ReadAsStringAsync();
        Assert.Contains("R4-指-1", allText, StringComparison.Ordinal);
        Assert.Contains("R6-指-1", allText, StringComparison.Ordinal);

        // The page links to the three downloads.
        var doc = await site.PageAsync(Audit(R5));
        Assert.Equal([Report(R5, "json"), Report(R5, "csv"), Report(R5, "txt")], doc.QuerySelectorAll("ul.downloads a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_bad_download_request_is_a_problem_details_response(string engine)
    {
        var site = await demo.ForAsync(engine);

        foreach (var (path, status, title) in new[]
        {
            (Report(R5, "json", "2024-13"), 400, "時点を読めません"),
            (Report(R5, "csv", "bad"), 400, "時点を読めません"),
            ("/open-data/kansa.json?asOf=R7.13", 400, "時点を読めません"),
            (Report(R5, "xml"), 404, "形式が違います"),
            (Report("R9-包括外部監査", "json"), 404, "監査が見つかりません"),
        })
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode == status, $"GET {path}: {(int)response.StatusCode}\n{body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
            if (status == 400)
            {
                Assert.StartsWith("時点:", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
    }

    private static List<string> Numbers(string era, int findings, int opinions) =>
        [.. Enumerable.Range(1, findings).Select(i => $"{era}-指-{i}"), .. Enumerable.Range(1, opinions).Select(i => $"{era}-意-{i}")];

    private static string Text(IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    private static string Cell(IElement row, int index) => Text(row.QuerySelectorAll("td")[index]);

    private static string? Selected(IHtmlDocument doc, string name) =>
        doc.QuerySelector($"select[name='{name}']") is IHtmlSelectElement select
            ? select.Options.FirstOrDefault(o => o.IsSelected)?.Value
            : null;

    private static Dictionary<string, string> Facts(IHtmlDocument doc) =>
        doc.QuerySelectorAll("dl.facts dt").ToDictionary(Text, dt => Text(dt.NextElementSibling), StringComparer.Ordinal);

    /// <summary>
    /// The summary table as category → ["措置済=4", …, "合計=6"], read the way a screen reader does: each count
    /// through the headers its <c>headers</c> attribute names (a row holds one status header per category).
    /// </summary>
    private static Dictionary<string, string[]> SummaryOf(IHtmlDocument doc)
    {
        var table = doc.QuerySelector("table.summary")!;
        var result = table.QuerySelectorAll("thead th").ToDictionary(Text, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var cell in table.QuerySelectorAll("tbody td"))
        {
            var headers = (cell.GetAttribute("headers") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => table.QuerySelector($"th#{id}") ?? throw new InvalidOperationException($"no header {id}"))
                .ToList();
            Assert.Equal(2, headers.Count);
            Assert.Equal("col", headers[0].GetAttribute("scope"));
            result[Text(headers[0])].Add($"{Text(headers[1])}={Text(cell)}");
        }

        return result.ToDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal);
    }

    private sealed record Row(string Number, string? Link, string Category, string Departments, string Title, string Status, string State, string Published);

    private static List<Row> FindingRows(IHtmlDocument doc) =>
        [.. doc.QuerySelectorAll("table.findings tbody tr").Select(r =>
        {
            var badge = r.QuerySelector(".badge")!;
            var state = badge.ClassList.Single(c => c.StartsWith("badge-", StringComparison.Ordinal))["badge-".Length..];
            return new Row(Cell(r, 0), r.QuerySelector("a")?.GetAttribute("href"), Cell(r, 1), Cell(r, 2), Cell(r, 3), Text(badge), state, Cell(r, 5));
        })];

    private static async Task<IHtmlDocument?> FirstFindingWithAListAsync(Site site)
    {
        foreach (var key in new[] { R4, R5, R6 })
        {
            foreach (var row in FindingRows(await site.PageAsync(Audit(key))).Where(r => r.State != "open"))
            {
                var doc = await site.PageAsync(row.Link!);
                if (doc.QuerySelector("ul.plain-list li") is not null)
                {
                    return doc;
                }
            }
        }

        return null;
    }
}
