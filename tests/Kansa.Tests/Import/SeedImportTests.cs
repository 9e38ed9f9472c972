using Kansa.Calendar;
using Kansa.Import;
using Kansa.Reports;
using Kansa.Status;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Import;

/// <summary>The real publication, imported into each engine.</summary>
public class SeedImportTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Knows_all_36_findings_after_reading_the_seed(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        var result = await ImportAsync(db, TestPaths.SeedFile);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(new ImportCounts(1, 1, 36, 36, 0, 14), result.Counts);

        var snapshot = await SnapshotAsync(db, null);
        var audit = Assert.Single(snapshot.Audits);
        Assert.Equal("R5-包括外部監査", audit.Key);
        Assert.Equal(2023, audit.FiscalYear);
        Assert.Equal("DX戦略を踏まえた情報システムの財務事務の執行及び情報セキュリティ等の管理体制について", audit.Theme);
        Assert.Equal(new YearMonth(2025, 8), audit.AsOf);
        Assert.Equal(36, audit.Findings.Count);
        Assert.Equal(22, audit.Findings.Count(f => f.State == StatusState.Open));
        Assert.All(audit.Findings.Where(f => f.State == StatusState.Open), f => Assert.Null(f.Title));
        Assert.Equal(
            ["R5-指-1", "R5-指-2", "R5-指-5"],
            audit.Findings.Where(f => f.Category == FindingCategory.Finding && f.State == StatusState.Open).Select(f => f.Number));
        Assert.Equal(Summary(4, 3, 10, 19), Counts(audit));

        var f7 = audit.Findings.Single(f => f.Number == "R5-指-7");
        Assert.Equal(new YearMonth(2024, 10), f7.Published);
        Assert.Equal("措置済", f7.Status);
        Assert.Equal(["政策調査課"], f7.Departments);
        Assert.Equal("パスワードの変更について", f7.Title);

        var f28 = audit.Findings.Single(f => f.Number == "R5-意-28");
        Assert.Equal("P160~161", f28.ReportPages);
        Assert.Equal((160, 161), (f28.PageFrom!.Value, f28.PageTo!.Value));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Answers_what_the_report_said_at_an_earlier_month(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, TestPaths.SeedFile);

        var audit = (await SnapshotAsync(db, new YearMonth(2025, 1))).Audits[0];

        Assert.Equal(Summary(1, 6, 8, 21), Counts(audit));
        var f3 = audit.Findings.Single(f => f.Number == "R5-指-3");
        Assert.Equal(StatusState.Open, f3.State);
        Assert.Null(f3.Published);
        Assert.Null(f3.Response);
        Assert.Equal("IT関連の外部委託契約書の見直しについて", f3.Title);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Re_importing_the_same_file_changes_nothing(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, TestPaths.SeedFile);
        var before = await JsonAsync(db);

        var again = await ImportAsync(db, TestPaths.SeedFile);

        Assert.Equal(new ImportCounts(1, 0, 36, 0, 0, 0), again.Counts);
        Assert.Equal(before, await JsonAsync(db));
        await using var context = db.CreateContext();
        Assert.Equal(14, await context.StatusRecords.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_text_export_re_imports_as_identical_data(string engine)
    {
        TestPaths.RequireSeed();
        await using var first = await TestDatabase.CreateAsync(engine);
        await ImportAsync(first, TestPaths.SeedFile);
        using var dir = new TempDir();
        var text = dir.Write("export.txt", TextReportWriter.Render(await SnapshotAsync(first, null)));

        await using var second = await TestDatabase.CreateAsync(engine);
        var result = await ImportAsync(second, text);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(await JsonAsync(first), await JsonAsync(second));
        Assert.Equal(TextReportWriter.Render(await SnapshotAsync(first, null)), TextReportWriter.Render(await SnapshotAsync(second, null)));
    }

    internal static (int, int, int, int) Summary(int findingsDone, int findingsOpen, int opinionsDone, int opinionsOpen) =>
        (findingsDone, findingsOpen, opinionsDone, opinionsOpen);

    internal static (int, int, int, int) Counts(AuditSnapshot audit)
    {
        int Count(FindingCategory c, StatusState s) => audit.Summary.Single(r => r.Category == c && r.State == s).Count;
        return (Count(FindingCategory.Finding, StatusState.Done), Count(FindingCategory.Finding, StatusState.Open),
                Count(FindingCategory.Opinion, StatusState.Done), Count(FindingCategory.Opinion, StatusState.Open));
    }

    private async Task<ImportResult> ImportAsync(TestDatabase db, params string[] files)
    {
        await using var context = db.CreateContext();
        return await new ImportStatusReports(context, time).RunAsync(files, dryRun: false, null, CancellationToken.None);
    }

    private async Task<ReportSnapshot> SnapshotAsync(TestDatabase db, YearMonth? asOf)
    {
        await using var context = db.CreateContext();
        return (await new LoadReportSnapshot(context, time).RunAsync(asOf, null, CancellationToken.None))!;
    }

    private async Task<string> JsonAsync(TestDatabase db)
    {
        using var stream = new MemoryStream();
        await new JsonReportWriter().WriteAsync(await SnapshotAsync(db, null), stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
