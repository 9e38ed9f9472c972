using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Tests.Support;
using Kansa.WorkList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.WorkList;

/// <summary>The work list use case: one finding per stage, two departments, a clock that moves.</summary>
public class WorkListTests
{
    // 2025-11-10 09:00 in Japan.
    private static readonly DateTimeOffset Start = new(2025, 11, 10, 0, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Stages_visibility_due_dates_and_overdue_follow_the_workflow(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var notRequested = await data.FindingAsync("R7-指-1", "DX推進課");
        var requested = await data.FindingAsync("R7-指-2", "DX推進課");
        var draft = await data.FindingAsync("R7-指-3", "DX推進課");
        var submitted = await data.FindingAsync("R7-指-4", "DX推進課");
        var returned = await data.FindingAsync("R7-指-5", "路政課");
        var approved = await data.FindingAsync("R7-指-6", "路政課");
        var published = await data.FindingAsync("R7-指-7", "DX推進課");
        var inProgress = await data.FindingAsync("R7-指-8", "路政課");
        await data.RequestAsync(requested, new DateOnly(2025, 11, 11));
        await data.ResponseAsync(draft, await data.RequestAsync(draft, new DateOnly(2025, 11, 8)), ResponseStage.Draft);
        await data.ResponseAsync(submitted, await data.RequestAsync(submitted, new DateOnly(2025, 12, 1)), ResponseStage.Submitted);
        await data.ResponseAsync(returned, await data.RequestAsync(returned, new DateOnly(2025, 11, 9)), ResponseStage.Returned, "根拠を");
        await data.ResponseAsync(approved, await data.RequestAsync(approved, new DateOnly(2025, 11, 1)), ResponseStage.Approved);
        await data.ResponseAsync(published, await data.RequestAsync(published, new DateOnly(2025, 11, 1)), ResponseStage.Published);
        await RecordAsync(db, published, StatusState.Done);
        await RecordAsync(db, inProgress, StatusState.InProgress);

        var time = new FakeTimeProvider(Start);
        await using var host = await WebHost.StartAsync(db.Target, time: time);
        var (dx, road) = await DepartmentsAsync(db);
        var coordinator = User(Roles.Coordinator);
        var auditor = User(Roles.Auditor);
        var dxEditor = User(Roles.Editor, dx);
        var roadApprover = User(Roles.Approver, road);

        Assert.Equal(["R7-指-1", "R7-指-8"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.NotRequested)));
        Assert.Equal(["R7-指-2"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Requested)));
        Assert.Equal(["R7-指-3"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Draft)));
        Assert.Equal(["R7-指-4"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Submitted)));
        Assert.Equal(["R7-指-5"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Returned)));
        Assert.Equal(["R7-指-6"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Approved)));
        Assert.Equal(["R7-指-7"], await NumbersAsync(host, coordinator, new(Stage: WorkStage.Published)));

        // R7-指-8, published as in progress with nothing open, is still to be asked for; R7-指-7 (done) is not.
        Assert.Equal(["R7-指-8"], await NumbersAsync(host, auditor, new(Stage: WorkStage.NotRequested, DepartmentId: road)));

        // Editors and approvers see their own departments only; auditors and coordinators everything.
        Assert.Equal(["R7-指-1", "R7-指-2", "R7-指-3", "R7-指-4", "R7-指-7"], await NumbersAsync(host, dxEditor, new()));
        Assert.Equal(["R7-指-5", "R7-指-6", "R7-指-8"], await NumbersAsync(host, roadApprover, new()));
        Assert.Equal(8, (await NumbersAsync(host, auditor, new())).Count);
        Assert.Equal(["R7-指-5", "R7-指-6", "R7-指-8"], await NumbersAsync(host, coordinator, new(DepartmentId: road)));
        Assert.Empty(await NumbersAsync(host, dxEditor, new(DepartmentId: road)));
        Assert.Equal(8, (await NumbersAsync(host, coordinator, new(Audit: "r7-test"))).Count);
        Assert.Empty(await NumbersAsync(host, coordinator, new(Audit: "R5-包括外部監査")));

        // Due dates and overdue are those of open requests; approved and published ones are answered.
        Assert.Equal(["R7-指-3", "R7-指-5"], await NumbersAsync(host, coordinator, new(Overdue: true)));
        Assert.Equal(["R7-指-2", "R7-指-3", "R7-指-5"], await NumbersAsync(host, coordinator, new(DueBy: new DateOnly(2025, 11, 11))));
        Assert.Equal(["R7-指-3"], await NumbersAsync(host, dxEditor, new(Overdue: true)));

        // On its due day (2025-11-11 in Japan) a request is not yet overdue; the day after, it is.
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["R7-指-3", "R7-指-5"], await NumbersAsync(host, coordinator, new(Overdue: true)));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["R7-指-2", "R7-指-3", "R7-指-5"], await NumbersAsync(host, coordinator, new(Overdue: true)));
        var page = await RunAsync(host, coordinator, new(Stage: WorkStage.Requested));
        Assert.Equal(new DateOnly(2025, 11, 12), page.Today);
        Assert.True(page.Items.Single().Overdue);
        Assert.Equal(new DateOnly(2025, 11, 11), page.Items.Single().DueDate);
        Assert.True(page.CanRequest);
        Assert.False((await RunAsync(host, dxEditor, new())).CanRequest);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_list_pages_by_fifty(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        for (var i = 1; i <= 52; i++)
        {
            await data.FindingAsync($"R7-意-{i}", "DX推進課");
        }

        await using var host = await WebHost.StartAsync(db.Target);
        var coordinator = User(Roles.Coordinator);
        var first = await RunAsync(host, coordinator, new());
        var second = await RunAsync(host, coordinator, new(Page: 2));
        Assert.Equal((52, 2, 50, 2), (first.Total, first.PageCount, first.Items.Count, second.Items.Count));
        Assert.Equal(["R7-意-51", "R7-意-52"], second.Items.Select(i => i.Number));
        var filtered = await RunAsync(host, coordinator, new(Stage: WorkStage.NotRequested, Page: 2));
        Assert.Equal(52, filtered.Total);
        Assert.Equal(["R7-意-51", "R7-意-52"], filtered.Items.Select(i => i.Number));
        Assert.Empty((await RunAsync(host, coordinator, new(Page: 3))).Items);
        using var scope = host.Services.CreateScope();
        Assert.Equal(OutcomeKind.Invalid, (await scope.ServiceProvider.GetRequiredService<ListWorkItems>().RunAsync(coordinator, new(Page: 0), default)).Kind);
    }

    internal static StaffUser User(string role, params int[] departments) =>
        new("", role + "-user", new HashSet<string>(StringComparer.Ordinal) { role }, new HashSet<int>(departments));

    private static async Task<WorkListPage> RunAsync(WebHost host, StaffUser user, WorkListFilter filter)
    {
        using var scope = host.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ListWorkItems>().RunAsync(user, filter, default);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Problems));
        return outcome.Value!;
    }

    private static async Task<List<string>> NumbersAsync(WebHost host, StaffUser user, WorkListFilter filter) =>
        [.. (await RunAsync(host, user, filter)).Items.Select(i => i.Number)];

    private static async Task<(int Dx, int Road)> DepartmentsAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return (await context.Departments.Where(d => d.Name == "DX推進課").Select(d => d.Id).SingleAsync(),
            await context.Departments.Where(d => d.Name == "路政課").Select(d => d.Id).SingleAsync());
    }

    private static async Task RecordAsync(TestDatabase db, int findingId, StatusState state)
    {
        await using var context = db.CreateContext();
        context.StatusRecords.Add(new StatusRecord
        {
            FindingId = findingId,
            Word = state == StatusState.Done ? "措置済" : "措置中",
            State = state,
            Published = new YearMonth(2025, 8),
            AsOf = new YearMonth(2025, 8),
            Source = "test",
        });
        await context.SaveChangesAsync();
    }
}
