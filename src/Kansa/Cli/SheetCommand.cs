using System.CommandLine;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Sheets;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa sheet export|import</c>: the department sheets (所管課シート) that replace mailed Excel files.</summary>
internal static class SheetCommand
{
    // Whoever runs the command line on the database holds the database itself: the export acts with the administrator's
    // rights (every department) and the change log names the operating-system user, as for every command.
    private static readonly StaffUser Operator = new("", "cli", new HashSet<string>(StringComparer.Ordinal) { Roles.Admin }, new HashSet<int>());

    public static Command Create(Option<string?> db, CliConsole console) =>
        new("sheet", "所管課シート (xlsx) の書き出しと取り込み") { Export(db, console), Import(db, console) };

    private static Command Export(Option<string?> db, CliConsole console)
    {
        var audit = new Option<string>("--audit") { Description = "監査キー (例: R5-包括外部監査)", Required = true };
        var department = new Option<string?>("--department") { Description = "この所管課のシートだけを書き出す (既定: 回答の要るすべての所管課、1課1シート)" };
        var output = new Option<string>("--output", "-o") { Description = "書き出す xlsx ファイル", Required = true };
        var all = new Option<bool>("--all") { Description = "措置済・対応済のもの (公表した措置の内容を更新するとき) も含める" };
        var command = new Command("export", "所管課ごとの照会シート (回答の要る指摘・意見、対応区分の選択肢、措置の内容の欄) を xlsx に書き出す") { audit, department, output, all };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);
            var outcome = await scope.Get<ExportDepartmentSheets>()
                .RunAsync(Operator, parse.GetValue(audit), parse.GetValue(department), parse.GetValue(all), ct);
            if (!outcome.Succeeded)
            {
                return CliStaff.Fail(outcome.Problems, console);
            }

            var path = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(path, outcome.Value.Content, ct);
            var sheets = outcome.Value.Sheets;
            console.Error.WriteLine(sheets.Sheets.Count == 0
                ? $"{path} に書き出しました: 回答の要る指摘・意見はありません。"
                : $"{path} に書き出しました: {sheets.Sheets.Count} 課、{sheets.Sheets.Sum(s => s.Rows.Count)} 行 ({string.Join("、", sheets.Sheets.Select(s => $"{s.Name} {s.Rows.Count}"))})。");
            if (sheets.DoneLeftOut > 0)
            {
                console.Error.WriteLine($"措置済・対応済の {sheets.DoneLeftOut} 件は含めていません。公表した措置の内容を更新するときは --all を付けてください。");
            }

            if (sheets.WithoutDepartment.Count > 0)
            {
                console.Error.WriteLine($"所管課が登録されていない {sheets.WithoutDepartment.Count} 件はシートに含めていません: {string.Join("、", sheets.WithoutDepartment)} (登録の画面で所管課を入力してください)。");
            }

            return 0;
        });
        return command;
    }

    private static Command Import(Option<string?> db, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "所管課が入力した xlsx ファイル" };
        var login = new Option<string>("--as") { Description = "取り込む人のログイン名 (下書き・提出はこの人の操作として記録されます)", Required = true };
        var submit = new Option<bool>("--submit") { Description = "下書きを保存したあと、承認者に提出する" };
        var dryRun = new Option<bool>("--dry-run") { Description = "確認だけ (変わる指摘・意見を表示し、何も変えない)" };
        var audit = new Option<string?>("--audit") { Description = "この監査のシートであることを確かめる (監査キー)" };
        var command = new Command("import", "所管課シートを確認し、変更された行を下書き (または提出) として取り込む") { file, login, submit, dryRun, audit };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"{path}: ファイルがありません。");
                return KansaCli.Problems;
            }

            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using (var check = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct))
            {
                if (check is null)
                {
                    return KansaCli.Problems;
                }
            }

            var user = await CliStaff.FindAsync(target, parse.GetValue(login)!, console, ct);
            if (user is null)
            {
                return KansaCli.Problems;
            }

            // Every change is logged as the person the file is imported for; the log line of the import also names the
            // operating-system user who ran the command.
            await using var scope = CliServices.Scope(target, new FixedActor(user.Actor));

            var bytes = await File.ReadAllBytesAsync(path, ct);
            var label = Path.GetFileName(path);
            if (parse.GetValue(dryRun))
            {
                var plan = await scope.Get<CheckDepartmentSheets>().RunAsync(user, bytes, label, parse.GetValue(audit), ct);
                if (!plan.Succeeded)
                {
                    return CliStaff.Fail(plan.Problems, console);
                }

                Print(plan.Value, console);
                console.Out.WriteLine("確認だけを行いました (何も変えていません)。");
                return 0;
            }

            var outcome = await scope.Get<ImportDepartmentSheets>()
                .RunAsync(user, bytes, label, parse.GetValue(audit), parse.GetValue(submit), null, FixedActor.CommandLine.Name, ct);
            if (!outcome.Succeeded)
            {
                return CliStaff.Fail(outcome.Problems, console);
            }

            Print(outcome.Value.Plan, console);
            var count = outcome.Value.Responses.Count;
            console.Out.WriteLine(count == 0
                ? "変更された行はありません。何も変えていません。"
                : $"{count} 件の回答を{(outcome.Value.Submitted ? "保存して提出しました" : "下書きとして保存しました")} ({user.Actor} の操作として記録)。");
            return 0;
        });
        return command;
    }

    private static void Print(SheetPlan plan, CliConsole console)
    {
        foreach (var note in plan.Notes)
        {
            console.Error.WriteLine(note);
        }

        console.Out.WriteLine($"監査 {plan.AuditKey} (書き出し {plan.ExportedAt}): 変更 {plan.Changes.Count} 件、変更なし {plan.Unchanged} 件");
        foreach (var c in plan.Changes)
        {
            console.Out.WriteLine($"{c.Location}\t{c.Number}\t{c.Action}");
            console.Out.WriteLine($"  対応区分: {Show(c.OldWord)} → {c.NewWord}");
            if (c.OldContent != c.NewContent)
            {
                console.Out.WriteLine($"  措置(対応)の内容 (前): {Show(c.OldContent)}");
                console.Out.WriteLine($"  措置(対応)の内容 (後): {Show(c.NewContent)}");
            }
        }
    }

    private static string Show(string text) => text.Length == 0 ? "(空)" : text.Replace("\n", "⏎", StringComparison.Ordinal);
}
