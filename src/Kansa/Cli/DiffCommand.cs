using System.CommandLine;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa diff</c>: what changed in one audit's report between two months (published data only).</summary>
internal static class DiffCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var audit = new Option<string?>("--audit") { Description = "監査キー (例: R5-包括外部監査)" };
        var from = new Option<string?>("--from") { Description = "比べる前の月 (YYYY-MM、R7.1、令和7年1月)" };
        var to = new Option<string?>("--to") { Description = "比べる後の月 (YYYY-MM、R7.8、令和7年8月)" };
        var format = new Option<string>("--format", "-f") { Description = "形式: text (既定) または json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diff", "2つの月のあいだの変更 (新たに措置済、新たに公表、対応区分の変更、訂正、未措置のもの) を表示する") { audit, from, to, format };
        command.SetAction(async (parse, ct) =>
        {
            // Missing options are a usage error (2); months or an audit that cannot be used are input problems (1).
            var missing = new[] { ("--audit", parse.GetValue(audit)), ("--from", parse.GetValue(from)), ("--to", parse.GetValue(to)) }
                .Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Item1).ToList();
            if (missing.Count > 0)
            {
                console.Error.WriteLine($"{string.Join("、", missing)} を指定してください (例: kansa diff --audit R5-包括外部監査 --from 2025-01 --to 2025-08)。");
                return KansaCli.Usage;
            }

            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            var key = parse.GetValue(audit);
            await using var scope = CliServices.Scope(target);
            var outcome = await scope.Get<CompareSnapshots>().RunAsync(key, parse.GetValue(from), parse.GetValue(to), ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                var keys = await context.Audits.Select(a => a.Key).ToListAsync(ct);
                console.Error.WriteLine($"--audit: 監査「{key}」は登録されていません (登録済み: {(keys.Count == 0 ? "なし" : string.Join("、", keys))})");
                return KansaCli.Problems;
            }

            if (!outcome.Succeeded)
            {
                foreach (var problem in outcome.Problems)
                {
                    // Core messages name the field in Japanese; the command line adds the option that carries it.
                    console.Error.WriteLine(problem.Field.Length == 0 ? problem.Message : $"--{problem.Field}: {problem.Message}");
                }

                return KansaCli.Problems;
            }

            var text = parse.GetValue(format) == "json" ? ChangesText.RenderJson(outcome.Value) : ChangesText.Render(outcome.Value);
            console.Out.Write(text);
            return 0;
        });
        return command;
    }
}
