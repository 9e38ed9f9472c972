using System.CommandLine;
using Kansa.Import;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa import FILE...</c>: reads status reports into the database, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "取り込む対応状況のテキストまたは Excel のブック (.xlsx) (複数可)", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "確認だけして、何も書き込まない" };
        var command = new Command("import", "対応状況のテキスト・Excel のブックを取り込む (全件まとめて1つのトランザクション。問題があれば何も書き込まない)") { files, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);
            var run = scope.Get<ImportStatusReports>();
            var result = await run.RunAsync(parse.GetValue(files)!, parse.GetValue(dryRun), Progress(console), ct);
            return Report(result, console, parse.GetValue(dryRun) ? "確認しました (書き込みなし)" : "取り込みました");
        });
        return command;
    }

    internal static int Report(ImportResult result, CliConsole console, string verb)
    {
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                console.Error.WriteLine(problem);
            }

            console.Error.WriteLine($"{result.Problems.Count} 件の問題があるため、何も書き込んでいません。");
            return KansaCli.Problems;
        }

        var c = result.Counts;
        console.Out.WriteLine(
            $"{verb}: 監査 {c.Audits} 件 (新規 {c.AuditsCreated})、指摘・意見 {c.Findings} 件 (新規 {c.FindingsCreated}、内容の更新 {c.FindingsUpdated})、状況の記録 {c.StatusRecordsAdded} 件を追加");
        return 0;
    }

    internal static IProgress<ImportProgress> Progress(CliConsole console) => new SyncProgress(p =>
    {
        if (p.Done < p.Total)
        {
            console.Error.WriteLine($"[{p.Done + 1}/{p.Total}] {p.File} を読んでいます…");
        }
    });

    /// <summary>Reports on the caller's thread, so messages come out in order.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
