using System.CommandLine;
using Kansa.Backups;
using Kansa.OpenData;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa restore FILE [--replace]</c>: all or nothing, into an empty database unless told to replace it.</summary>
internal static class RestoreCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "kansa backup で作ったファイル" };
        var replace = new Option<bool>("--replace") { Description = "復元先にデータがあれば、それを消してバックアップで置き換える (同じトランザクションで)" };
        var command = new Command("restore", "バックアップのファイルをデータベースに復元する (すべてか、何もしないか)") { file, replace };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"{path}: ファイルがありません。");
                return KansaCli.Problems;
            }

            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);
            var outcome = await scope.Get<RestoreBackup>().RunAsync(path, parse.GetValue(file)!, parse.GetValue(replace), ct);
            var code = Report(outcome, $"{path} を {target.Display} に復元しました", "今のデータを消してバックアップで置き換えるには --replace を付けてください。", console);
            if (code == 0 && !File.Exists(target.ChangeLogKeyPath))
            {
                // The key is a secret and is not in the backup: say where the kept copy must go before verify or new writes.
                console.Out.WriteLine($"操作記録の鍵ファイルはバックアップに含まれません。保管していた鍵ファイルを {target.ChangeLogKeyPath} に置いてから (または Kansa:ChangeLog:KeyFile で指定してから) 使ってください。");
            }

            return code;
        });
        return command;
    }

    /// <summary>Prints the outcome of a restore (or copy) and gives its exit code.</summary>
    public static int Report(Outcome<BackupManifest> outcome, string done, string whenNotEmpty, CliConsole console)
    {
        if (!outcome.Succeeded)
        {
            foreach (var problem in outcome.Problems)
            {
                console.Error.WriteLine(problem.Message);
            }

            if (outcome.Kind == OutcomeKind.Conflict)
            {
                console.Error.WriteLine(whenNotEmpty);
            }

            console.Error.WriteLine("復元先のデータベースは変更していません。");
            return KansaCli.Problems;
        }

        var manifest = outcome.Value;
        console.Out.WriteLine($"{done} ({manifest.Tables.Count} 表、{manifest.Tables.Sum(t => t.Rows):N0} 行、{manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC の時点)。");
        console.Out.WriteLine("kansa change-log verify で操作記録を確かめてください。");
        return 0;
    }
}
