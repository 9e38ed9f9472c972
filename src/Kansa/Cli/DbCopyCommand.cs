using System.CommandLine;
using Kansa.ChangeLog;
using Kansa.Backups;
using Kansa.OpenData;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary>
/// <c>kansa db copy --to DB</c>: the move from the embedded database to PostgreSQL. The same path as backup and
/// restore (a snapshot of --db in the neutral format, then a checked, all-or-nothing restore into an empty,
/// migrated target), so the two are tested together.
/// </summary>
internal static class DbCopyCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var to = new Option<string>("--to")
        {
            Description = "コピー先: PostgreSQL の接続文字列・postgres:// URL (kansa db migrate 済みで空のもの)、または SQLite ファイル",
            Required = true,
        };
        var command = new Command("copy", "--db のデータベースのすべての表を、空のデータベースにコピーする (組み込みから PostgreSQL への移行)") { to };
        command.SetAction(async (parse, ct) =>
        {
            var source = DatabaseTarget.Resolve(parse.GetValue(db));
            var target = DatabaseTarget.Resolve(parse.GetValue(to));
            await using var from = await Databases.OpenAsync(source, console, migrateEmbedded: false, ct);
            if (from is null)
            {
                return KansaCli.Problems;
            }

            await using var into = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (into is null)
            {
                return KansaCli.Problems;
            }

            if (CarryChangeLogKey.Check(source.ChangeLogKeyPath, target.ChangeLogKeyPath) is { } otherKey)
            {
                console.Error.WriteLine(otherKey);
                console.Error.WriteLine("コピー先のデータベースは変更していません。");
                return KansaCli.Problems;
            }

            var temp = Path.Combine(Path.GetTempPath(), $"kansa-copy-{Guid.NewGuid():N}.zip");
            try
            {
                if (await BackupCommand.WriteAsync(source, temp, console, ct) is null)
                {
                    return KansaCli.Problems;
                }

                await using var scope = CliServices.Scope(target);
                var outcome = await scope.Get<RestoreBackup>().RunAsync(temp, $"{source.Display} のコピー", replace: false, ct);

                var code = RestoreCommand.Report(outcome, $"{source.Display} を {target.Display} にコピーしました", "コピー先は kansa db migrate を実行しただけの空のデータベースにしてください。", console);
                if (code == 0 && CarryChangeLogKey.Copy(source.ChangeLogKeyPath, target.ChangeLogKeyPath) is { } key)
                {
                    console.Out.WriteLine($"操作記録の鍵を {key} にコピーしました (秘密です。元の鍵と同じように保管してください)。");
                }

                return code;
            }
            finally
            {
                File.Delete(temp);
            }
        });
        return command;
    }
}
