using Kansa.Accounts;
using Kansa.Reminders;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kansa.Tests.Reminders;

/// <summary>Due-soon and overdue reminders, mailed through MailKit to a real SMTP listener on loopback.</summary>
public class ReminderTests
{
    // 2025-11-01 09:00 in Japan.
    private static readonly DateTimeOffset Start = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Two_app_instances_on_one_database_send_each_notice_once(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var smtp = new SmtpListener();
        var data = new WorkflowData(db);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "dx-approver", Roles.Approver, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await data.EmailAsync("dx-editor", "dx-editor@city.example.lg.jp");
        await data.EmailAsync("dx-approver", "dx-approver@city.example.lg.jp");
        await data.EmailAsync("road-editor", "road-editor@city.example.lg.jp");
        var dx = await data.RequestAsync(await data.FindingAsync("R7-指-1", "DX推進課"), new DateOnly(2025, 11, 9));
        var road = await data.RequestAsync(await data.FindingAsync("R7-指-2", "路政課"), new DateOnly(2025, 11, 9));
        await data.RequestAsync(await data.FindingAsync("R7-指-3", "DX推進課"), new DateOnly(2026, 3, 31));
        var answeredFinding = await data.FindingAsync("R7-指-4", "DX推進課");
        var answered = await data.RequestAsync(answeredFinding, new DateOnly(2025, 11, 9));
        await data.ResponseAsync(answeredFinding, answered, ResponseStage.Approved);

        var time = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>(smtp.Settings()) { ["Kansa:Reminders:Interval"] = "1.00:00:00" };
        await using var first = await WebHost.StartAsync(db.Target, settings, time);
        await using var second = await WebHost.StartAsync(db.Target, settings, time);
        var jobs = new[] { Job(first), Job(second) };

        // At start (8 days before) nothing is due; one day later both instances' timers fire together.
        await PassesAsync(jobs, 1);
        Assert.Empty(smtp.Messages);
        time.Advance(TimeSpan.FromDays(1));
        await PassesAsync(jobs, 2);
        var dueSoon = smtp.Messages.ToList();

        time.Advance(TimeSpan.FromDays(1));
        await PassesAsync(jobs, 3);
        var afterRepeat = smtp.Messages.Count;

        time.Advance(TimeSpan.FromDays(1));
        await PassesAsync(jobs, 4);
        time.Advance(TimeSpan.FromDays(7)); // 2025-11-11: both requests are overdue
        await PassesAsync(jobs, 5);
        var all = smtp.Messages.ToList();

        Assert.Equal(2, dueSoon.Count);
        Assert.Equal(2, afterRepeat);
        Assert.Equal(4, all.Count);
        var dxMails = all.Where(m => m.Recipients.SequenceEqual(["dx-editor@city.example.lg.jp"])).ToList();
        var roadMails = all.Where(m => m.Recipients.SequenceEqual(["road-editor@city.example.lg.jp"])).ToList();
        Assert.Equal(2, dxMails.Count);
        Assert.Equal(2, roadMails.Count);
        Assert.Contains("期限間近: R7-指-1", dxMails[0].Message.Subject, StringComparison.Ordinal);
        Assert.Contains("期限超過: R7-指-1", dxMails[1].Message.Subject, StringComparison.Ordinal);
        Assert.Contains("あと 7 日", dxMails[0].Message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("期限超過: R7-指-2", roadMails[1].Message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(all, m => (m.Message.Subject ?? "").Contains("R7-指-3", StringComparison.Ordinal) || (m.Message.Subject ?? "").Contains("R7-指-4", StringComparison.Ordinal));
        Assert.All(all, m => Assert.Equal("kansa@city.example.lg.jp", m.From));

        await using var context = db.CreateContext();
        var notices = await context.ReminderNotices.OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(4, notices.Count);
        Assert.Equal(
            new[] { (dx, ReminderKinds.DueSoon), (dx, ReminderKinds.Overdue), (road, ReminderKinds.DueSoon), (road, ReminderKinds.Overdue) }.Order(),
            notices.Select(n => (n.RequestId, n.Kind)).Order());
        var log = await context.ChangeEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains(log, e => e.EntityType == nameof(ReminderNotice) && e.Actor == "system");
        Assert.Null(Kansa.ChangeLog.ChangeChain.Verify(log, db.AuditKey).Problem);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Simultaneous_passes_of_two_instances_split_the_notices_without_sending_any_twice(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var smtp = new SmtpListener();
        var data = new WorkflowData(db);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await data.EmailAsync("dx-editor", "dx-editor@city.example.lg.jp");
        for (var i = 1; i <= 12; i++)
        {
            await data.RequestAsync(await data.FindingAsync($"R7-指-{i}", "DX推進課"), new DateOnly(2025, 11, 3));
        }

        var time = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>(smtp.Settings()) { ["Kansa:Reminders:Enabled"] = "false" };
        await using var first = await WebHost.StartAsync(db.Target, settings, time);
        await using var second = await WebHost.StartAsync(db.Target, settings, time);

        var passes = await Task.WhenAll(Job(first).RunOnceAsync(CancellationToken.None), Job(second).RunOnceAsync(CancellationToken.None));
        var again = await Job(second).RunOnceAsync(CancellationToken.None);

        Assert.All(passes, p => Assert.Equal(12, p.Value!.Due));
        Assert.Equal(12, passes.Sum(p => p.Value!.Sent));
        Assert.Equal(12, passes.Sum(p => p.Value!.AlreadyClaimed));
        Assert.Equal(0, again.Value!.Sent);
        var subjects = smtp.Messages.Select(m => m.Message.Subject).ToList();
        Assert.Equal(12, subjects.Count);
        Assert.Equal(12, subjects.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_notice_that_could_not_be_mailed_is_not_counted_as_sent()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var data = new WorkflowData(db);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await data.EmailAsync("dx-editor", "dx-editor@city.example.lg.jp");
        await data.RequestAsync(await data.FindingAsync("R7-指-1", "DX推進課"), new DateOnly(2025, 11, 3));
        // Port 1 on loopback never listens here; a port freed by another listener could be taken by a parallel test.
        var settings = new Dictionary<string, string?>
        {
            ["Kansa:Mail:Host"] = "127.0.0.1",
            ["Kansa:Mail:Port"] = "1",
            ["Kansa:Mail:Tls"] = "None",
            ["Kansa:Mail:From"] = "kansa@city.example.lg.jp",
            ["Kansa:Reminders:Enabled"] = "false",
        };

        await using var host = await WebHost.StartAsync(db.Target, settings, new FakeTimeProvider(Start));
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => Job(host).RunOnceAsync(CancellationToken.None));

        await using var context = db.CreateContext();
        Assert.Equal(0, await context.ReminderNotices.CountAsync());
        Assert.Contains(await context.ChangeEntries.ToListAsync(), e => e.EntityType == nameof(ReminderNotice) && e.Action == "delete");
    }

    [Fact]
    public async Task The_command_line_pass_needs_a_mail_server_setting()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var run = await CliRun.RunAsync("reminders", "run", "--db", db.Target.Display);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Kansa:Mail:Host", run.Error, StringComparison.Ordinal);
    }

    private static ReminderJob Job(WebHost host) => host.Services.GetRequiredService<ReminderJob>();

    // Waits (without asserting on time) until every instance has finished its nth pass.
    private static async Task PassesAsync(ReminderJob[] jobs, int passes)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (jobs.Any(j => j.CompletedPasses < passes))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
