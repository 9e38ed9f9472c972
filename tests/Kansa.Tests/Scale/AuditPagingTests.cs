using System.Text.Json;
using AngleSharp.Dom;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Reports;
using Kansa.Status;
using Kansa.Tests.Generator;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Scale;

/// <summary>
/// The audit page shows at most a page of findings, filtered and counted by the database (issue 8, 2.); the
/// downloads still hold every finding. On a generated audit of 250 findings beside the demo, on both engines.
/// </summary>
public class AuditPagingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_large_audit_is_paged_with_next_and_previous_and_its_downloads_hold_every_finding(string engine)
    {
        using var dir = new TempDir();
        var generated = await GeneratedFiles.GenerateAsync(dir, "big", "--findings", "250", "--audits", "1", "--rounds", "2", "--seed", "3");
        await using var site = await Site.StartAsync(engine, [.. TestPaths.DemoSamples, .. generated]);
        string key;
        int opinions;
        await using (var db = site.Database.CreateContext())
        {
            var audit = await db.Audits.OrderByDescending(a => a.Findings.Count).Select(a => new { a.Key, a.Id }).FirstAsync();
            key = audit.Key;
            opinions = await db.Findings.CountAsync(f => f.AuditId == audit.Id && f.Category == FindingCategory.Opinion);
        }

        // Every finding listed, a hundred a page; the links keep the filters and say where they lead.
        var seen = new List<string>();
        var path = Audit(key, Q("Query.Unpublished", "list"));
        var ranges = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var doc = await site.PageAsync(path);
            ranges.Add(Text(doc.QuerySelector(".page-range")));
            seen.AddRange(doc.QuerySelectorAll("table.findings tbody tr").Select(r => Text(r.Children[0])));
            Assert.Equal(page > 1, doc.QuerySelector("a[rel=prev]") is not null);
            var next = doc.QuerySelector("a[rel=next]");
            Assert.Equal(page < 3, next is not null);
            Assert.Equal($"{page} / 3 ページ", Text(doc.QuerySelector("[aria-current=page]")));
            path = next?.GetAttribute("href") ?? "";
            Assert.True(next is null || path.Contains("Query.Unpublished=list", StringComparison.Ordinal), path);
        }

        Assert.Equal(["全 250 件中 1〜100 件", "全 250 件中 101〜200 件", "全 250 件中 201〜250 件"], ranges);
        Assert.Equal(250, seen.Distinct().Count());

        // A filter is counted by the database over the whole audit, not over the page.
        var filtered = await site.PageAsync(Audit(key, Q("Query.Category", "意見") + "&" + Q("Query.Unpublished", "list")));
        Assert.Equal($"指摘・意見 ({opinions} 件)", Text(filtered.QuerySelector("#findings-heading")));
        Assert.All(filtered.QuerySelectorAll("table.findings tbody tr"), r => Assert.Contains("-意-", Text(r.Children[0]), StringComparison.Ordinal));

        // The downloads are not paged.
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri(Report(key, "json"), UriKind.Relative)));
        Assert.Equal(250, json.RootElement.GetProperty("audits")[0].GetProperty("findings").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_database_finds_the_status_in_force_as_the_timeline_does_for_every_finding_and_month(string engine)
    {
        using var dir = new TempDir();
        var generated = await GeneratedFiles.GenerateAsync(dir, "some", "--findings", "120", "--audits", "2", "--rounds", "3", "--seed", "5");
        await using var site = await Site.StartAsync(engine, [.. TestPaths.DemoSamples, .. generated]);
        await using var db = site.Database.CreateContext();
        var findings = await db.Findings.AsNoTracking().Include(f => f.StatusRecords).ToListAsync();
        var months = LoadReportSnapshot.KnownMonths(findings.SelectMany(f => f.StatusRecords))
            .SelectMany(m => new[] { m, m.Month == 1 ? new YearMonth(m.Year - 1, 12) : m with { Month = m.Month - 1 } }).Append(YearMonth.MinValue).Distinct().ToList();
        foreach (var month in months)
        {
            var inForce = await StatusInForce.At(db, db.Findings, month).ToDictionaryAsync(s => s.FindingId);
            foreach (var f in findings)
            {
                var expected = StatusTimeline.At(f.StatusRecords, month);
                var actual = inForce[f.Id];
                var what = $"{f.Number} at {month} on {engine}";
                Assert.True((expected?.State ?? StatusState.Open) == actual.State, what);
                Assert.True(expected?.Word == actual.Word, what);
                Assert.True((expected is null || (expected.Response is null && expected.Published is null && expected.State == StatusState.Open)) == actual.Unpublished, what);
            }
        }
    }

    private static string Text(IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}
