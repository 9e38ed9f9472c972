using Kansa.Accounts;
using Kansa.Import;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Rounds;

/// <summary>
/// <c>kansa round</c> on the seed, as a newcomer without the web pages would try it: a round before the seed's
/// 令和7年8月 is refused in Japanese and changes nothing; one of 2025-08 opens, publishes only with the month
/// confirmed, and is cancelled with a reason, each step logged for the named coordinator.
/// </summary>
public class RoundCommandTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rounds_open_refuse_publish_only_when_confirmed_and_cancel_from_the_command_line(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        await using (var context = db.CreateContext())
        {
            Assert.Empty((await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.SeedFile], false, null, CancellationToken.None)).Problems);
        }

        await StaffAccounts.CreateUserAsync(db, "coord", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        var before = await DbFingerprint.TakeAsync(db);

        var early = await CliRun.RunAsync("round", "open", "--db", db.DbArgument, "--as-of", "2024-06", "--as", "coord");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("令和7年8月より前の月の回は作れません", early.Error, StringComparison.Ordinal);
        var editor = await CliRun.RunAsync("round", "open", "--db", db.DbArgument, "--as-of", "2025-08", "--as", "dx-editor");
        Assert.Equal(1, editor.ExitCode);
        var nobody = await CliRun.RunAsync("round", "open", "--db", db.DbArgument, "--as-of", "2025-08", "--as", "nobody");
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("ログイン名「nobody」のアカウントはありません", nobody.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(db));

        var opened = await CliRun.RunAsync("round", "open", "--db", db.DbArgument, "--as-of", "令和7年8月", "--as", "coord");
        Assert.True(opened.ExitCode == 0, opened.Error);
        var id = opened.Out.Split('\t')[0];
        Assert.Contains("令和7年8月現在", opened.Out, StringComparison.Ordinal);

        var unconfirmed = await CliRun.RunAsync("round", "publish", id, "--db", db.DbArgument, "--confirm", "2025-09", "--as", "coord");
        Assert.Equal(1, unconfirmed.ExitCode);
        Assert.Contains("--confirm 2025-08", unconfirmed.Error, StringComparison.Ordinal);

        var cancelled = await CliRun.RunAsync("round", "cancel", id, "--db", db.DbArgument, "--reason", "月を誤って開いたため", "--as", "coord");
        Assert.True(cancelled.ExitCode == 0, cancelled.Error);
        var list = await CliRun.RunAsync("round", "list", "--db", db.DbArgument);
        Assert.Contains($"{id}\t2025-08\t令和7年8月現在\t取消し", list.Out, StringComparison.Ordinal);

        var again = await CliRun.RunAsync("round", "open", "--db", db.DbArgument, "--as-of", "R7.8", "--as", "coord");
        Assert.True(again.ExitCode == 0, again.Error);
        var second = again.Out.Split('\t')[0];
        var published = await CliRun.RunAsync("round", "publish", second, "--db", db.DbArgument, "--confirm", "2025-08", "--as", "coord");
        Assert.True(published.ExitCode == 0, published.Error);
        Assert.Contains("\t公表済", published.Out, StringComparison.Ordinal);

        await using var check = db.CreateContext();
        var round = await check.Rounds.SingleAsync(r => r.IsCancelled);
        Assert.Equal((false, "月を誤って開いたため", "user:coord"), (round.IsPublished, round.CancelReason, round.CancelledBy));
        var log = await check.ChangeEntries.Where(e => e.Actor == "user:coord").Select(e => e.Action + " " + e.EntityType).ToListAsync();
        Assert.Equal(4, log.Count(l => l.EndsWith(" PublicationRound", StringComparison.Ordinal)));
    }
}
