using System.CommandLine;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa demo</c>: a fresh embedded database with the sample city, served.</summary>
internal static class DemoCommand
{
    public const string DefaultPath = "data/demo.db";

    public static Command Create(Option<string?> db, CliConsole console)
    {
        var urls = ServeCommand.UrlsOption();
        var noServe = new Option<bool>("--no-serve") { Description = "取り込みだけして終了する" };
        var command = new Command("demo", "架空の市のサンプルを新しいデータベースに取り込んで配信する") { urls, noServe };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db) ?? DefaultPath);
            if (target.Engine != DatabaseEngine.Sqlite)
            {
                console.Error.WriteLine("--db: demo は組み込みデータベース (SQLite ファイル) にだけ作ります。");
                return KansaCli.Usage;
            }

            // The demo always starts from nothing, so a rerun shows the same thing; pooled connections would keep the old file alive.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // data/ is git-ignored, so a fresh clone has no such folder: the default path must work there.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target.Display))!);
            foreach (var suffix in (string[])["", "-wal", "-shm"])
            {
                File.Delete(target.Display + suffix);
            }

            var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "demo"), "*.txt").Order(StringComparer.Ordinal).ToList();
            await using (var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct))
            {
                await using var scope = CliServices.Scope(target);
                var result = await scope.Get<ImportStatusReports>().RunAsync(samples, dryRun: false, ImportCommand.Progress(console), ct);
                if (ImportCommand.Report(result, console, "サンプルを取り込みました") != 0)
                {
                    return KansaCli.Problems;
                }
            }

            return parse.GetValue(noServe) ? 0 : await ServeCommand.RunAsync(target, parse.GetValue(urls)!, console, ct);
        });
        return command;
    }
}
