using System.CommandLine;
using Kansa.Hosting;
using Kansa.Reminders;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa reminders run</c>: one pass of the reminder job, from the command line (cron, or a manual check).</summary>
internal static class RemindersCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var run = new Command("run", "期限間近・期限超過の通知メールを一度だけ送る (設定 Kansa:Mail、Kansa:Reminders。送信済みの通知は送らない)");
        run.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using (var context = await Databases.OpenAsync(target, console, migrateEmbedded: false, ct))
            {
                if (context is null)
                {
                    return KansaCli.Problems;
                }
            }

            // The same settings as the web app: appsettings.json beside the program, then the environment (Kansa__Mail__Host …).
            await using var scope = CliServices.Scope(target);
            var outcome = await scope.Get<SendReminders>()
                .RunAsync($"cli:{Environment.MachineName}/{Environment.ProcessId}", ct);
            if (!outcome.Succeeded)
            {
                foreach (var problem in outcome.Problems)
                {
                    console.Error.WriteLine(problem.Message);
                }

                return KansaCli.Problems;
            }

            var pass = outcome.Value;
            console.Out.WriteLine($"通知の対象 {pass.Due} 件: 送信 {pass.Sent} 件、送信済み {pass.AlreadyClaimed} 件、宛先なし {pass.WithoutRecipient} 件。");
            return 0;
        });
        return new Command("reminders", "期限の通知") { run };
    }
}
