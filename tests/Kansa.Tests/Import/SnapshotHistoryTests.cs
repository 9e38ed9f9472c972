using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Status;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Import;

/// <summary>
/// Status history across snapshots (PRODUCT.md §4.2, docs/formats.md §5): every document adds dated records,
/// none is overwritten, and the order in which documents arrive does not change what they say.
/// </summary>
public sealed class SnapshotHistoryTests : IDisposable
{
    private static readonly YearMonth June2024 = new(2024, 6);
    private static readonly YearMonth January2025 = new(2025, 1);
    private static readonly YearMonth August2025 = new(2025, 8);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly TempDir files = new();

    private static string Older => Demo("02_");

    private static string Newer => Demo("03_");

    [Fact]
    public async Task An_import_that_changes_a_finding_gives_it_a_new_version()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await ImportAsync(db, Older);
        Guid before;
        await using (var context = db.CreateContext())
        {
            before = (await context.Findings.SingleAsync(f => f.Number == "R5-指-1")).Version;
        }

        var renamed = files.Write("renamed.txt", File.ReadAllText(Newer).Replace("補助金交付要綱の規定と運用の不一致について", "補助金交付要綱の規定と運用の不一致について (改題)", StringComparison.Ordinal));
        await ImportAsync(db, renamed);

        await using var after = db.CreateContext();
        var finding = await after.Findings.SingleAsync(f => f.Number == "R5-指-1");
        Assert.EndsWith("(改題)", finding.Title, StringComparison.Ordinal);
        Assert.NotEqual(before, finding.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_newer_report_that_changes_nothing_still_moves_the_audit_to_its_month(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, Newer);
        var later = files.Write("later.txt", File.ReadAllText(Newer).Replace("令和7年8月現在", "令和8年2月現在", StringComparison.Ordinal));

        var result = await ImportAsync(db, later);

        Assert.Equal(0, result.Counts.StatusRecordsAdded);
        Assert.Equal(new YearMonth(2026, 2), (await AuditAsync(db, null)).AsOf);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_newer_snapshot_adds_records_and_the_history_keeps_the_old_ones(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, Older);
        var before = await RecordsAsync(db);

        var result = await ImportAsync(db, Newer);

        Assert.Equal((1, 0, 18, 0), (result.Counts.Audits, result.Counts.AuditsCreated, result.Counts.Findings, result.Counts.FindingsCreated));
        Assert.True(result.Counts.StatusRecordsAdded > 0);
        Assert.Equal(before + result.Counts.StatusRecordsAdded, await RecordsAsync(db));
        var history = await HistoryAsync(db, "R5-指-5");
        Assert.Equal(
            [("措置中", June2024, June2024), ("措置済", new YearMonth(2025, 2), August2025)],
            history.Select(h => (h.Status, h.Published!.Value, h.AsOf)));
        Assert.StartsWith("精算が遅れていた案件については、令和6年5月までに", history[0].Response, StringComparison.Ordinal);

        var then = await AuditAsync(db, June2024);
        Assert.Equal(Summary(2, 4, 3, 9), Counts(then));
        Assert.Equal(("措置中", StatusState.InProgress), Status(then, "R5-指-5"));
        var now = await AuditAsync(db, null);
        Assert.Equal(August2025, now.AsOf);
        Assert.Equal(Summary(4, 2, 6, 6), Counts(now));
        Assert.Equal(("措置済", StatusState.Done), Status(now, "R5-指-5"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Each_month_shows_what_was_published_by_then(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, Older, Newer);

        // The example of docs/formats.md §5.
        var january = await AuditAsync(db, January2025);
        Assert.Equal(("措置中", StatusState.InProgress), Status(january, "R5-指-5"));
        Assert.Equal(("検討中", StatusState.InProgress), Status(january, "R5-意-9"));
        Assert.Equal(("未措置", StatusState.Open), Status(january, "R5-指-2"));
        Assert.Equal(("措置済", StatusState.Done), Status(january, "R5-指-1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_older_snapshot_never_undoes_a_newer_one(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, Newer);
        var newest = await JsonAsync(db, null);
        var atNewerMonth = await JsonAsync(db, August2025);

        var result = await ImportAsync(db, Older);

        Assert.Equal(2, result.Counts.StatusRecordsAdded);
        Assert.Equal(newest, await JsonAsync(db, null));
        Assert.Equal(atNewerMonth, await JsonAsync(db, August2025));

        // At the older month the status is what the older document said.
        await using var olderOnly = await TestDatabase.CreateAsync(engine);
        await ImportAsync(olderOnly, Older);
        Assert.Equal(Statuses(await AuditAsync(olderOnly, June2024)), Statuses(await AuditAsync(db, June2024)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_finding_a_newer_snapshot_leaves_open_stays_open_when_an_older_one_arrives(string engine)
    {
        // The newer document lists only what was done; the older one listed R5-指-2 as under study.
        var newer = Write("newer.txt", ReportText.Document([ReportText.Row("R5-指-1", "指摘", "措置済 (R7.2)")], ReportText.Summary(1, 1, 0, 0)));
        var older = Write(
            "older.txt",
            ReportText.Document(
                [ReportText.Row("R5-指-1", "指摘", "措置中 (R6.6)"), ReportText.Row("R5-指-2", "指摘", "検討中 (R6.6)")],
                ReportText.Summary(0, 2, 0, 0),
                title: "令和5年度包括外部監査の結果に対する対応状況(令和6年6月現在)"));
        await using var db = await TestDatabase.CreateAsync(engine);
        await ImportAsync(db, newer);
        var newest = Statuses(await AuditAsync(db, null));

        await ImportAsync(db, older);

        // The older document may tell the finding's title and pages, which the newer one did not list, but not its status.
        Assert.Equal(newest, Statuses(await AuditAsync(db, null)));
        Assert.Equal(("未措置", StatusState.Open), Status(await AuditAsync(db, August2025), "R5-指-2"));
        Assert.Equal("件名", (await AuditAsync(db, null)).Findings.Single(f => f.Number == "R5-指-2").Title);
        Assert.Equal(("検討中", StatusState.InProgress), Status(await AuditAsync(db, June2024), "R5-指-2"));
        Assert.Equal(("措置中", StatusState.InProgress), Status(await AuditAsync(db, June2024), "R5-指-1"));

        await using var chronological = await TestDatabase.CreateAsync(engine);
        await ImportAsync(chronological, older);
        await ImportAsync(chronological, newer);
        Assert.Equal(await JsonAsync(chronological, null), await JsonAsync(db, null));
        Assert.Equal(await JsonAsync(chronological, June2024), await JsonAsync(db, June2024));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_listed_open_row_keeps_the_citys_own_word(string engine)
    {
        var text = ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), ReportText.Row("R5-指-2", "指摘", "未改善", response: "")],
            ReportText.Summary(1, 1, 0, 0));
        await using var db = await TestDatabase.CreateAsync(engine);

        await ImportAsync(db, Write("open.txt", text));

        Assert.Equal(("未改善", StatusState.Open), Status(await AuditAsync(db, null), "R5-指-2"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_demo_snapshots_in_either_order_give_the_same_export(string engine)
    {
        await using var forward = await TestDatabase.CreateAsync(engine);
        await ImportAsync(forward, Older);
        await ImportAsync(forward, Newer);
        await using var backward = await TestDatabase.CreateAsync(engine);
        await ImportAsync(backward, Newer);
        await ImportAsync(backward, Older);
        await using var together = await TestDatabase.CreateAsync(engine);
        await ImportAsync(together, Newer, Older);

        foreach (var month in new YearMonth?[] { null, August2025, January2025, June2024 })
        {
            var expected = await JsonAsync(forward, month);
            Assert.Equal(expected, await JsonAsync(backward, month));
            Assert.Equal(expected, await JsonAsync(together, month));
        }

        Assert.Equal(await RecordsAsync(forward), await RecordsAsync(backward));
        Assert.Equal(await RecordsAsync(forward), await RecordsAsync(together));

        // Importing either again changes nothing.
        var again = await ImportAsync(backward, Older, Newer);
        Assert.Equal(0, again.Counts.StatusRecordsAdded);
        Assert.Equal(await JsonAsync(forward, null), await JsonAsync(backward, null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Several_audits_live_in_one_database(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var result = await ImportAsync(db, [.. TestPaths.DemoSamples]);

        Assert.Equal((3, 3), (result.Counts.Audits, result.Counts.AuditsCreated));
        var snapshot = await SnapshotAsync(db, null);
        Assert.Equal(["R6-定期監査", "R5-包括外部監査", "R4-包括外部監査"], snapshot.Audits.Select(a => a.Key));
        Assert.Equal(
            [Summary(6, 2, 3, 2), Summary(4, 2, 6, 6), Summary(3, 1, 6, 3)],
            snapshot.Audits.Select(Counts));
        Assert.All(snapshot.Audits, a => Assert.Equal(August2025, a.AsOf));

        // The seed is another audit of the same year and kind: it gets its own key and keeps its own findings.
        if (File.Exists(TestPaths.SeedFile))
        {
            await ImportAsync(db, TestPaths.SeedFile);
            snapshot = await SnapshotAsync(db, null);
            var seed = Assert.Single(snapshot.Audits, a => a.Theme!.StartsWith("DX戦略", StringComparison.Ordinal));
            Assert.Equal("R5-包括外部監査-2", seed.Key);
            Assert.Equal(36, seed.Findings.Count);
            Assert.Equal(Summary(4, 3, 10, 19), Counts(seed));
            var demo = Assert.Single(snapshot.Audits, a => a.Key == "R5-包括外部監査");
            Assert.Equal(Summary(4, 2, 6, 6), Counts(demo));
        }

        // The text export of all of them reads back as the same data.
        using var dir = new TempDir();
        var text = dir.Write("all.txt", TextReportWriter.Render(snapshot));
        await using var copy = await TestDatabase.CreateAsync(engine);
        var reimport = await ImportAsync(copy, text);
        Assert.True(reimport.Succeeded, string.Join('\n', reimport.Problems));
        Assert.Equal(await JsonAsync(db, null), await JsonAsync(copy, null));
    }

    private static string Demo(string prefix) => TestPaths.DemoSamples.Single(p => Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal));

    private static (int, int, int, int) Summary(int findingsDone, int findingsNotDone, int opinionsDone, int opinionsNotDone) =>
        (findingsDone, findingsNotDone, opinionsDone, opinionsNotDone);

    /// <summary>Done and not done per category, as the published table counts them (措置中 and the like under 未措置).</summary>
    private static (int, int, int, int) Counts(AuditSnapshot audit)
    {
        int Count(FindingCategory c, bool done) => audit.Summary.Where(r => r.Category == c && (r.State == StatusState.Done) == done).Sum(r => r.Count);
        return (Count(FindingCategory.Finding, true), Count(FindingCategory.Finding, false), Count(FindingCategory.Opinion, true), Count(FindingCategory.Opinion, false));
    }

    private static (string, StatusState) Status(AuditSnapshot audit, string number)
    {
        var f = audit.Findings.Single(f => f.Number == number);
        return (f.Status, f.State);
    }

    private static List<(string, string, StatusState, YearMonth?, string?)> Statuses(AuditSnapshot audit) =>
        [.. audit.Findings.Select(f => (f.Number, f.Status, f.State, f.Published, f.Response))];

    public void Dispose() => files.Dispose();

    private string Write(string name, string text) => files.Write(name, text);

    private async Task<ImportResult> ImportAsync(TestDatabase db, params string[] files)
    {
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, time).RunAsync(files, dryRun: false, null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return result;
    }

    private async Task<ReportSnapshot> SnapshotAsync(TestDatabase db, YearMonth? asOf)
    {
        await using var context = db.CreateContext();
        return (await new LoadReportSnapshot(context, time).RunAsync(asOf, null, CancellationToken.None))!;
    }

    private async Task<AuditSnapshot> AuditAsync(TestDatabase db, YearMonth? asOf) => Assert.Single((await SnapshotAsync(db, asOf)).Audits);

    private async Task<string> JsonAsync(TestDatabase db, YearMonth? asOf)
    {
        using var stream = new MemoryStream();
        await new JsonReportWriter().WriteAsync(await SnapshotAsync(db, asOf), stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<int> RecordsAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.StatusRecords.CountAsync();
    }

    private static async Task<IReadOnlyList<FindingStatusEntry>> HistoryAsync(TestDatabase db, string number)
    {
        await using var context = db.CreateContext();
        return Assert.Single(await new LoadFindingDetails(context).RunAsync(null, number, CancellationToken.None)).History;
    }
}
