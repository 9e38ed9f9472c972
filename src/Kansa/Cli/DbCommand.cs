using System.CommandLine;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa db migrate</c>: brings the database schema up to date.</summary>
internal static class DbCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var migrate = new Command("migrate", "データベースの構造を最新にする (SQLite・PostgreSQL)");
        migrate.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = target.CreateContext();
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (await EmbeddedMigration.MigrateAsync(context, target, ct))
            {
                console.Error.WriteLine($"{target.Display}: 中断された構造の更新が残したロックを解除しました。");
            }

            console.Out.WriteLine(pending.Count == 0
                ? $"{target.Display}: 最新です。"
                : $"{target.Display}: {pending.Count} 件の移行を適用しました ({string.Join(", ", pending)})。");
            if (await Search.SearchSetup.CheckAsync(context, ct) is { } warning)
            {
                console.Error.WriteLine($"{target.Display}: {warning}");
            }

            return 0;
        });
        return new Command("db", "データベースの管理") { migrate, DbCopyCommand.Create(db, console) };
    }
}
