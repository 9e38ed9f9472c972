using System.CommandLine;
using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa export</c>: writes the status report as text, JSON, CSV or an Excel workbook, or the official report as PDF.</summary>
internal static class ExportCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var format = new Option<string>("--format", "-f") { Description = "形式: text、json、csv、xlsx (Excel のブック)、pdf (公表資料の PDF。chromium で印刷)、html (公表資料の HTML。1つのファイルでディスクから開けます)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. ReportWriters.All.Select(w => w.Format), .. OfficialReportExport.Formats]);
        var asOf = new Option<string?>("--as-of") { Description = "この月 (YYYY-MM) までに公表された状況で出力する" };
        var audit = new Option<string?>("--audit") { Description = "この監査だけを出力する (監査キー、例: R5-包括外部監査)" };
        var output = new Option<string?>("--output", "-o") { Description = "出力先のファイル (既定: 標準出力)" };
        var command = new Command("export", "対応状況を出力する") { format, asOf, audit, output };
        command.SetAction(async (parse, ct) =>
        {
            YearMonth? month = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!YearMonth.TryParse(text, out var m, out var error))
                {
                    console.Error.WriteLine($"--as-of: {error}");
                    return KansaCli.Usage;
                }

                month = m;
            }

            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            var key = parse.GetValue(audit);
            if (OfficialReportExport.Formats.Contains(parse.GetValue(format)))
            {
                return await OfficialReportExport.RunAsync(target, context, parse.GetValue(format)!, month, key, parse.GetValue(output), console, ct);
            }

            await using var scope = CliServices.Scope(target);
            var snapshot = await scope.Get<LoadReportSnapshot>().RunAsync(month, key, ct);
            if (snapshot is null)
            {
                var keys = await context.Audits.Select(a => a.Key).ToListAsync(ct);
                console.Error.WriteLine($"--audit: 監査「{key}」は登録されていません (登録済み: {(keys.Count == 0 ? "なし" : string.Join("、", keys))})");
                return KansaCli.Problems;
            }

            var writer = ReportWriters.With(CliOpenData.License()).First(w => w.Format == ReportWriters.Find(parse.GetValue(format)!)!.Format);
            await scope.Get<ChangeLogWriter>().RecordAsync(
                "export", "Report", key ?? "*", new { format = writer.Format, asOf = snapshot.AsOf.ToString(), output = parse.GetValue(output) ?? "stdout" }, ct);
            if (parse.GetValue(output) is { } path)
            {
                await using var file = File.Create(path);
                await writer.WriteAsync(snapshot, file, ct);
                console.Error.WriteLine($"{path} に書き出しました。");
            }
            else
            {
                await using var stdout = console.OpenStandardOutput();
                await writer.WriteAsync(snapshot, stdout, ct);
            }

            return 0;
        });
        return command;
    }
}
