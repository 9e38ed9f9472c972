using System.CommandLine;
using Kansa.Backups;
using Kansa.OpenData;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa backup FILE</c>: a consistent snapshot of the whole database in the engine-neutral format.</summary>
internal static class BackupCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "書き出すバックアップのファイル (zip)。あれば置き換えます" };
        var command = new Command("backup", "データベース全体を1つの時点で (配信中でも) バックアップのファイルに書き出す") { file };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: false, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            var path = Path.GetFullPath(parse.GetValue(file)!);
            var manifest = await WriteAsync(target, path, console, ct);
            if (manifest is null)
            {
                return KansaCli.Problems;
            }

            console.Out.WriteLine($"{path}: {target.Display} をバックアップしました ({manifest.Tables.Count} 表、{manifest.Tables.Sum(t => t.Rows):N0} 行、{manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC の時点)。");
            console.Out.WriteLine("操作記録の鍵ファイルはこのバックアップに含まれません。別に保管してください。");
            return 0;
        });
        return command;
    }

    /// <summary>Writes the backup beside its final name and renames it, so that a failed run leaves no half file.</summary>
    public static async Task<BackupManifest?> WriteAsync(DatabaseTarget target, string path, CliConsole console, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            BackupManifest manifest;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var scope = CliServices.Scope(target))
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
            {
                manifest = await scope.Get<CreateBackup>().RunAsync(stream, ct);
            }

            File.Move(partial, path, overwrite: true);
            return manifest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            console.Error.WriteLine($"{path}: バックアップを書き出せませんでした: {e.Message}");
            File.Delete(partial);
            return null;
        }
    }
}
