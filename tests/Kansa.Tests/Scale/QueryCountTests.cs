using Kansa.Tests.Generator;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Scale;

/// <summary>
/// A page costs the same number of SQL commands whatever the number of findings (issue 8, 2.): the demo's pages
/// beside the same pages with a generated audit of 1,200 findings in the database, on both engines.
/// </summary>
public class QueryCountTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Pages_issue_no_more_commands_with_more_findings(string engine)
    {
        using var dir = new TempDir();
        var generated = await GeneratedFiles.GenerateAsync(dir, "big", "--findings", "1200", "--audits", "1", "--rounds", "2", "--seed", "8");
        await using var small = await Site.StartAsync(engine, TestPaths.DemoSamples);
        await using var big = await Site.StartAsync(engine, [.. TestPaths.DemoSamples, .. generated]);
        string bigAudit, bigFinding;
        await using (var db = big.Database.CreateContext())
        {
            var audit = await db.Audits.OrderByDescending(a => a.Findings.Count).Select(a => new { a.Key, a.Id }).FirstAsync();
            Assert.Equal(1200, await db.Findings.CountAsync(f => f.AuditId == audit.Id));
            bigAudit = audit.Key;
            bigFinding = await db.Findings.Where(f => f.AuditId == audit.Id && f.Title != null).OrderBy(f => f.Sequence).Select(f => f.Number).FirstAsync();
        }

        var pages = new (string Name, string Small, string Big)[]
        {
            ("front page", "/", "/"),
            ("audit page", Audit(R5), Audit(bigAudit)),
            ("filtered audit page", Audit(R5, Q("Query.Category", "指摘") + "&" + Q("Query.State", "done")), Audit(bigAudit, Q("Query.Category", "指摘") + "&" + Q("Query.State", "done"))),
            ("audit page, every finding listed, second page", Audit(R5, ListedPage2), Audit(bigAudit, ListedPage2)),
            ("finding page", Finding(R5, "R5-指-3"), Finding(bigAudit, bigFinding)),
        };
        foreach (var (name, smallPath, bigPath) in pages)
        {
            var few = await CommandsAsync(small, smallPath);
            var many = await CommandsAsync(big, bigPath);
            Assert.True(few > 0, $"{name}: no command counted on {engine}");
            Assert.True(many <= few, $"{name} on {engine}: {few} commands with the demo's 44 findings, {many} with 1,244");

            // Paged: the big audit's page shows a page of rows (and at most a page behind each collapsed line), not 1,200.
            var rows = (await big.PageAsync(bigPath)).QuerySelectorAll("table.findings tbody tr").Length;
            Assert.True(rows <= Kansa.Reports.AuditPageFilter.PageSize * 3, $"{name} on {engine}: {rows} rows");
        }
    }

    private static readonly string ListedPage2 = Q("Query.Unpublished", "list") + "&" + Q("Query.Page", "2");

    /// <summary>The commands of a first request for the page (both sites are asked in the same order).</summary>
    private static async Task<int> CommandsAsync(Site site, string path)
    {
        using var counter = new CommandCounter(site.Database);
        await site.PageAsync(path);
        return counter.Count;
    }
}
