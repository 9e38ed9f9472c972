using System.CommandLine;
using Kansa.ChangeLog;
using Kansa.Import;
using Kansa.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary>
/// <c>kansa check FILE...</c>: validates without writing. Runs the real import in a transaction that is
/// rolled back, against the database when it exists, else against an empty one in memory.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "確認する対応状況のテキストまたは Excel のブック (.xlsx) (複数可)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "対応状況のテキストを確認する (書き込まない。問題がなければ終了コード 0)") { files };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var memory = new SqliteConnection("Data Source=:memory:");
            KansaDbContext? context;
            if (target.IsMissingFile)
            {
                await memory.OpenAsync(ct);
                context = new KansaDbContext(new DbContextOptionsBuilder<KansaDbContext>()
                    .UseSqlite(memory, o => o.MigrationsAssembly("Kansa.Migrations.Sqlite"))
                    .AddInterceptors(new ChangeLogInterceptor(FixedActor.CommandLine, TimeProvider.System, ChangeLogKeyFile.InMemory())).Options);
                await context.Database.MigrateAsync(ct);
            }
            else
            {
                context = await Databases.OpenAsync(target, console, migrateEmbedded: false, ct);
            }

            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using (context)
            {
                var result = await new ImportStatusReports(context, TimeProvider.System).RunAsync(parse.GetValue(files)!, dryRun: true, ImportCommand.Progress(console), ct);
                return ImportCommand.Report(result, console, "問題はありません");
            }
        });
        return command;
    }
}
