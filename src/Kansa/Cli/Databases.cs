using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary>Opens the database for a command, applying migrations where Kansa owns the schema.</summary>
internal static class Databases
{
    /// <summary>
    /// Opens the target. The embedded SQLite file is migrated automatically when <paramref name="migrateEmbedded"/>;
    /// a PostgreSQL schema is changed only by <c>kansa db migrate</c>, so pending migrations are reported instead.
    /// </summary>
    public static async Task<KansaDbContext?> OpenAsync(DatabaseTarget target, CliConsole console, bool migrateEmbedded, CancellationToken ct)
    {
        if (!ChangeLogKeyReadable(target, console))
        {
            return null;
        }

        var context = target.CreateContext();
        try
        {
            if (target.Engine == DatabaseEngine.Sqlite && migrateEmbedded)
            {
                if (await EmbeddedMigration.MigrateAsync(context, target, ct))
                {
                    console.Error.WriteLine($"{target.Display}: 中断された構造の更新が残したロックを解除しました。");
                }

                return context;
            }

            if (target.IsMissingFile)
            {
                console.Error.WriteLine($"{target.Display}: データベースがありません。先に kansa import で取り込んでください。");
                await context.DisposeAsync();
                return null;
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                console.Error.WriteLine($"{target.Display}: データベースの構造が古いままです ({pending.Count} 件の移行が未適用)。kansa db migrate --db … を実行してください。");
                await context.DisposeAsync();
                return null;
            }

            return context;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            console.Error.WriteLine($"{target.Display}: データベースに接続できません: {e.Message}");
            await context.DisposeAsync();
            return null;
        }
    }

    /// <summary>
    /// Whether the change log's key file is usable (or not created yet): a damaged or unreadable key would otherwise
    /// surface only at the first write, as a failure in the middle of the work.
    /// </summary>
    public static bool ChangeLogKeyReadable(DatabaseTarget target, CliConsole console)
    {
        try
        {
            _ = new Kansa.ChangeLog.ChangeLogKeyFile(target.ChangeLogKeyPath).Find();
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{target.ChangeLogKeyPath}: 操作記録の鍵ファイルを読めません ({e.Message})。Kansa:ChangeLog:KeyFile を確かめてください。");
            return false;
        }
    }
}
