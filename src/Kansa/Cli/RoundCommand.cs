using System.CommandLine;
using System.Globalization;
using Kansa.Calendar;
using Kansa.ChangeLog;
using Kansa.Responses;
using Kansa.Storage;
using Kansa.Rounds;

namespace Kansa.Cli;

/// <summary>
/// <c>kansa round list|open|cancel|publish</c>: publication rounds from the command line, with the rules and the audit
/// log of the staff pages; each change acts as a named coordinator (<c>--as LOGIN</c>).
/// </summary>
internal static class RoundCommand
{
    public static Command Create(Option<string?> db, CliConsole console) =>
        new("round", "公表の回 (一覧・開始・取消し・公表)") { List(db, console), Open(db, console), Cancel(db, console), Publish(db, console) };

    private static Option<string> As() =>
        new("--as") { Description = "操作する人のログイン名 (取りまとめ担当かシステム管理者。操作記録にはこの人の操作として残ります)", Required = true };

    private static Command List(Option<string?> db, CliConsole console)
    {
        var command = new Command("list", "公表の回の一覧 (番号、時点、状態、回答の数)");
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);
            var (rounds, waiting) = await scope.Get<ListRounds>().RunAsync(ct);
            foreach (var r in rounds)
            {
                console.Out.WriteLine(string.Join('\t', r.Id.ToString(CultureInfo.InvariantCulture), r.AsOf.ToString(), r.Label, r.StateLabel, $"回答 {r.Responses} 件"));
            }

            console.Error.WriteLine($"{rounds.Count} 回。公表を待つ承認済の回答 {waiting} 件。");
            return 0;
        });
        return command;
    }

    private static Command Open(Option<string?> db, CliConsole console)
    {
        var asOf = new Option<string>("--as-of") { Description = "公表する時点の月 (YYYY-MM、令和7年8月、R7.8)", Required = true };
        var login = As();
        var command = new Command("open", "公表の回を開く (月は最新の公表より前にも、今月より後にもできません)") { asOf, login };
        command.SetAction((parse, ct) => ActAsync(parse, db, parse.GetValue(login)!, console, async (scope, user) =>
            await scope.Get<OpenRound>().RunAsync(user, Iso(parse.GetValue(asOf)), ct), "開きました", ct));
        return command;
    }

    // The command line reads months as documents write them (令和7年8月, R7.8); the use case takes YYYY-MM and says
    // what is wrong with anything else.
    private static string? Iso(string? text) => YearMonth.TryParse(text, out var month, out _) ? month.ToString() : text;

    private static Command Cancel(Option<string?> db, CliConsole console)
    {
        var id = new Argument<int>("ID") { Description = "公表の回の番号 (round list)" };
        var reason = new Option<string>("--reason") { Description = "取り消す理由 (操作記録に残ります)", Required = true };
        var login = As();
        var command = new Command("cancel", "公表前の回を理由を付けて取り消す") { id, reason, login };
        command.SetAction((parse, ct) => ActAsync(parse, db, parse.GetValue(login)!, console, async (scope, user) =>
            await scope.Get<CancelRound>().RunAsync(user, parse.GetValue(id), parse.GetValue(reason), ct), "取り消しました", ct));
        return command;
    }

    private static Command Publish(Option<string?> db, CliConsole console)
    {
        var id = new Argument<int>("ID") { Description = "公表の回の番号 (round list)" };
        var confirm = new Option<string>("--confirm") { Description = "確認のため、その回の月 (YYYY-MM) をもう一度", Required = true };
        var login = As();
        var command = new Command("publish", "公表の回を公表する (公表した内容は訂正の手続きでしか変えられません)") { id, confirm, login };
        command.SetAction((parse, ct) => ActAsync(parse, db, parse.GetValue(login)!, console, async (scope, user) =>
        {
            var round = await scope.Get<ListRounds>().FindAsync(parse.GetValue(id), ct);
            if (round is not null && YearMonth.TryParse(parse.GetValue(confirm), out var month, out _) && month == round.AsOf)
            {
                return await scope.Get<PublishRound>().RunAsync(user, round.Id, null, ct);
            }

            return round is null
                ? Outcome<RoundView>.NotFound($"公表の回 {parse.GetValue(id)} はありません (kansa round list で確認してください)。")
                : Outcome<RoundView>.Invalid("confirm", $"--confirm: この回は{round.Label}です。公表するには --confirm {round.AsOf} と指定してください。");
        }, "公表しました", ct));
        return command;
    }

    private static async Task<int> ActAsync(ParseResult parse, Option<string?> db, string login, CliConsole console, Func<CliScope, Accounts.StaffUser, Task<Outcome<RoundView>>> act, string done, CancellationToken ct)
    {
        var target = DatabaseTarget.Resolve(parse.GetValue(db));
        await using (var check = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct))
        {
            if (check is null)
            {
                return KansaCli.Problems;
            }
        }

        var user = await CliStaff.FindAsync(target, login, console, ct);
        if (user is null)
        {
            return KansaCli.Problems;
        }

        await using var scope = CliServices.Scope(target, new FixedActor(user.Actor));
        var outcome = await act(scope, user);
        if (!outcome.Succeeded)
        {
            return CliStaff.Fail(outcome.Problems, console);
        }

        var round = outcome.Value;
        console.Out.WriteLine($"{round.Id}\t{round.AsOf}\t{round.Label}\t{round.StateLabel}");
        console.Error.WriteLine($"公表の回 {round.Id} ({round.Label}) を{done} ({user.Actor} の操作として記録)。");
        return 0;
    }
}
