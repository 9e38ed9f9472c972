using Kansa.OpenData;
using Kansa.Tests.Support;
using static Kansa.Tests.Sheets.SheetSetup;

namespace Kansa.Tests.Sheets;

/// <summary>
/// Every refusal of a sheet file: a clear Japanese message that names the sheet, row and column, exit code 1, and the
/// database exactly as it was (nothing half-applied).
/// </summary>
public class SheetRefusalTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Each_bad_file_is_refused_with_its_place_and_changes_nothing(string engine)
    {
        await using var setup = await CreateAsync(engine);
        using var dir = new TempDir();
        var exported = await ExportAsync(setup.Db, dir.File("dx.xlsx"));
        var r1 = SheetFile.RowOf(exported, Dx, "R5-指-1");
        var rOpinion = SheetFile.RowOf(exported, Dx, "R5-意-1");
        var before = await DbFingerprint.TakeAsync(setup.Db);

        async Task RefusedAsync(string name, byte[] file, string expected, string login = "dx-editor", params string[] more)
        {
            var path = dir.File(name);
            await File.WriteAllBytesAsync(path, file);
            var run = await ImportAsync(setup.Db, path, login, more);
            Assert.True(run.ExitCode == 1, $"{name}: exit {run.ExitCode}\n{run.Out}\n{run.Error}");
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));
        }

        byte[] Changed(string column, int row, string text, Action<DocumentFormat.OpenXml.Packaging.SpreadsheetDocument>? more = null) =>
            SheetFile.Edit(exported, d =>
            {
                SheetFile.Type(d, Dx, "H" + r1, "措置中");
                SheetFile.Type(d, Dx, "I" + r1, "改正案を作成中。");
                SheetFile.Type(d, Dx, column + row, text);
                more?.Invoke(d);
            });

        // Not a workbook, and a workbook cut short.
        await RefusedAsync("text.xlsx", "番号,対応区分\nR5-指-1,措置済\n"u8.ToArray(), "text.xlsx: Excel のブック (xlsx) として読めません");
        await RefusedAsync("cut.xlsx", exported[..(exported.Length / 2)], "cut.xlsx: Excel のブック (xlsx) として読めません");

        // A sheet of another audit: said so on the command line, or named in the sheet, or a row pasted from another.
        await RefusedAsync("other-audit.xlsx", Changed("I", r1, "改正案を作成中。"), $"{Dx}!K1: このシートは監査「{Audit}」のものです。監査「R4-包括外部監査」のシートではない", more: ["--audit", "R4-包括外部監査"]);
        await RefusedAsync("unknown-audit.xlsx", Changed("K", 1, "R4-包括外部監査"), $"{Dx}!K1: このシートの監査「R4-包括外部監査」は登録されていません");
        await RefusedAsync("pasted-row.xlsx", Changed("J", rOpinion, "999999"), $"{Dx}!A{rOpinion}: この行の指摘・意見 (照合用の ID「999999」) は監査「{Audit}」にありません");

        // An edited locked cell.
        await RefusedAsync("locked.xlsx", Changed("E", r1, "書き換えた件名"), $"{Dx}!E{r1}: 内容(報告書より抜粋)の欄は変更できません");
        await RefusedAsync("status-column.xlsx", Changed("F", rOpinion, "対応済 (R7.8)"), $"{Dx}!F{rOpinion}: 対応区分(公表年月)の欄は変更できません");

        // A status word outside the category's list (an 意見 word for a 指摘), and an empty one.
        await RefusedAsync("word.xlsx", Changed("H", r1, "対応済"), $"{Dx}!H{r1}: 「対応済」は指摘の対応区分にありません");
        await RefusedAsync("no-word.xlsx", Changed("H", r1, " "), $"{Dx}!H{r1}: 対応区分を一覧から選んでください。");

        // Text over the limit of TextLimits.Prose, and a formula instead of text.
        await RefusedAsync("long.xlsx", Changed("I", r1, new string('あ', Kansa.TextLimits.Prose + 1)), $"{Dx}!I{r1}: 措置(対応)の内容: 50,000文字以内で入力してください");
        await RefusedAsync("formula.xlsx", SheetFile.Edit(exported, d => SheetFile.Formula(d, Dx, "I" + r1, "CONCAT(\"a\",\"b\")", "ab")), $"{Dx}!I{r1}: 措置(対応)の内容 (入力)に数式は使えません");

        // A department outside the uploader's scope, and a coordinator (who cannot draft in the workflow).
        await RefusedAsync("scope.xlsx", Changed("I", r1, "改正案を作成中。"), $"{Dx}!H{r1}: R5-指-1 は所管課「DX推進課」の指摘・意見で、あなたの所管課のものではありません", login: "road-editor");
        await RefusedAsync("coordinator.xlsx", Changed("I", r1, "改正案を作成中。"), $"{Dx}!H{r1}: R5-指-1: 回答の下書きは、この指摘の所管課の担当 (editor) だけが作れます", login: "coord");

        // A row added by hand.
        await RefusedAsync("added-row.xlsx", Changed("J", r1, ""), $"{Dx}!H{r1}: この行は Kansa が書き出した行ではありません");

        // A stale version: someone drafted R5-指-1 after the export; the sheet's change of it is refused.
        var editor = await setup.ApiAsync("dx-editor");
        var drafted = await Kansa.Tests.Workflow.WorkflowSetup.PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = "別の経路で入力した内容。" });
        Assert.Equal(System.Net.HttpStatusCode.Created, drafted.StatusCode);
        before = await DbFingerprint.TakeAsync(setup.Db);
        await RefusedAsync("stale.xlsx", Changed("I", r1, "改正案を作成中。"), $"{Dx}!H{r1}: R5-指-1 は、このシートを書き出したあと");

        // The same stale file with R5-指-1 left alone and R5-意-1 answered goes through: a row others moved on is ignored.
        var fresh = SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, Dx, "H" + rOpinion, "対応中");
            SheetFile.Type(d, Dx, "I" + rOpinion, "方針案を作成中。");
        });
        var path = dir.File("fresh.xlsx");
        await File.WriteAllBytesAsync(path, fresh);
        var run = await ImportAsync(setup.Db, path, "dx-editor");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("変更 1 件、変更なし 2 件", run.Out, StringComparison.Ordinal);
    }
}
