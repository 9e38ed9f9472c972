using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Sheets;
using Kansa.Status;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Sheets.SheetSetup;

namespace Kansa.Tests.Sheets;

/// <summary>
/// Issue 6's "done when" for department sheets: the DX推進課 sheet goes out and comes back (re-sorted) with one changed
/// response, and only that finding changes, as a draft (or a submission) by the person who uploaded.
/// </summary>
public class SheetRoundTripTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_DX_sheet_comes_back_with_one_changed_response_and_only_that_finding_changes(string engine)
    {
        await using var setup = await CreateAsync(engine);
        using var dir = new TempDir();
        var exported = await ExportAsync(setup.Db, dir.File("dx.xlsx"));

        // The shape departments fill in: one sheet for DX推進課 (and the hidden list), its three findings, locked
        // registry columns, unlocked input cells, a drop-down per category, hidden identity columns.
        using (var document = SpreadsheetDocument.Open(new MemoryStream(exported), false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal([Dx, SheetWorkbookWriter.ListSheet], sheets.Select(s => s.Name!.Value));
            Assert.Equal(SheetStateValues.VeryHidden, sheets[1].State!.Value);
            var sheet = SheetFile.Sheet(document, Dx);
            Assert.True(sheet.GetFirstChild<SheetProtection>()!.Sheet!.Value);
            Assert.Equal(["J", "K", "L"], sheet.GetFirstChild<Columns>()!.Elements<Column>().Where(c => c.Hidden?.Value == true)
                .Select(c => SheetWorkbookReader.ColumnName((int)c.Min!.Value)));
            var validations = sheet.GetFirstChild<DataValidations>()!.Elements<DataValidation>().ToList();
            Assert.Equal(2, validations.Count);
            Assert.All(validations, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
            Assert.Contains("$A$1", validations[0].Formula1!.Text, StringComparison.Ordinal);
            Assert.Contains("$B$1", validations[1].Formula1!.Text, StringComparison.Ordinal);
            Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
            var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            bool Locked(string reference) => formats[(int)sheet.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value].Protection?.Locked?.Value != false;
            Assert.True(Locked("A4"));
            Assert.True(Locked("E4"));
            Assert.False(Locked("H4"));
            Assert.False(Locked("I4"));
        }

        var read = SheetWorkbookReader.Read(exported, "dx.xlsx").Value!;
        var dx = read.Single(s => s.Name == Dx);
        Assert.Equal(["R5-指-1", "R5-指-3", "R5-意-1"], dx.Rows(SheetLayout.FirstRow).Select(r => dx.Text("A" + r)));
        var lists = read.Single(s => s.Name == SheetWorkbookWriter.ListSheet);
        Assert.Contains("措置中", lists.Rows(1).Select(r => lists.Text("A" + r)));
        Assert.DoesNotContain("対応済", lists.Rows(1).Select(r => lists.Text("A" + r)));
        Assert.Contains("対応中", lists.Rows(1).Select(r => lists.Text("B" + r)));

        // The department answers R5-意-1 (a text that starts with "=" stays text) and sorts its rows the other way round.
        var row = SheetFile.RowOf(exported, Dx, "R5-意-1");
        const string Answer = "=令和7年度に全庁のクラウド利用方針を定めた。\n\n・費用の比較表を作成\n・_x0041_ のような文字もそのまま";
        var edited = SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, Dx, "H" + row, "対応中");
            SheetFile.Type(d, Dx, "I" + row, Answer);
            SheetFile.Reverse(d, Dx);
        });
        Assert.Equal(1, SheetFile.RowOf(edited, Dx, "R5-指-1") - SheetFile.RowOf(edited, Dx, "R5-意-1") - 1);
        var path = dir.File("dx-filled.xlsx");
        await File.WriteAllBytesAsync(path, edited);

        var before = await DbFingerprint.TakeAsync(setup.Db);
        var beforeResponses = await AllButResponsesAsync(setup.Db);
        var dry = await ImportAsync(setup.Db, path, "dx-editor", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains($"{Dx}!H{SheetFile.RowOf(edited, Dx, "R5-意-1")}\tR5-意-1\t下書きを作成", dry.Out, StringComparison.Ordinal);
        Assert.Contains("対応区分: 未対応 → 対応中", dry.Out, StringComparison.Ordinal);
        Assert.Contains("変更 1 件、変更なし 2 件", dry.Out, StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(setup.Db));

        var run = await ImportAsync(setup.Db, path, "dx-editor");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 件の回答を下書きとして保存しました", run.Out, StringComparison.Ordinal);

        var finding = await FindingIdAsync(setup.Db, "R5-意-1");
        await using (var context = setup.Db.CreateContext())
        {
            var response = await context.Responses.Include(r => r.Steps).SingleAsync();
            Assert.Equal(finding, response.FindingId);
            Assert.Equal(ResponseStage.Draft, response.Stage);
            Assert.Equal("対応中", response.Word);
            Assert.Equal(StatusState.InProgress, response.State);
            Assert.Equal(Answer, response.Content);
            Assert.Equal("user:dx-editor", response.CreatedBy);
            var step = Assert.Single(response.Steps);
            Assert.Equal(("drafted", "user:dx-editor"), (step.Action, step.By));
            var log = await context.ChangeEntries.Where(e => e.Actor == "user:dx-editor").Select(e => e.Action + " " + e.EntityType).ToListAsync();
            Assert.Contains("create Response", log);
            Assert.Contains("create ResponseStep", log);
            Assert.Contains("import DepartmentSheet", log);
        }

        // Nothing else changed: registry, status records, requests, rounds.
        Assert.Equal(beforeResponses, await AllButResponsesAsync(setup.Db));

        // The same file again changes nothing (its row is already what the file says).
        var again = await ImportAsync(setup.Db, path, "dx-editor");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("変更された行はありません", again.Out, StringComparison.Ordinal);
        await using (var context = setup.Db.CreateContext())
        {
            Assert.Equal(1, await context.Responses.CountAsync());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Submit_saves_and_submits_and_an_existing_draft_is_edited_not_drafted_again(string engine)
    {
        await using var setup = await CreateAsync(engine);
        using var dir = new TempDir();

        // R5-指-3 already has a draft: the sheet starts from it, and the import edits it.
        var editor = await setup.ApiAsync("dx-editor");
        var drafted = await Kansa.Tests.Workflow.WorkflowSetup.PostAsync(editor, "/api/v1/findings/R5-指-3/responses", new { status = "措置中", content = "再確認中です。" });
        Assert.Equal(System.Net.HttpStatusCode.Created, drafted.StatusCode);

        var exported = await ExportAsync(setup.Db, dir.File("all.xlsx"), department: null);
        var dx = SheetWorkbookReader.Read(exported, "x").Value!.Single(s => s.Name == Dx);
        var r3 = SheetFile.RowOf(exported, Dx, "R5-指-3");
        Assert.Equal(("措置中", "再確認中です。"), (dx.Text("H" + r3), dx.Text("I" + r3)));
        Assert.StartsWith("下書き", dx.Text("G" + r3), StringComparison.Ordinal);
        Assert.Contains("期限 2026-12-25", dx.Text("G" + r3), StringComparison.Ordinal);

        var r1 = SheetFile.RowOf(exported, Dx, "R5-指-1");
        var edited = SheetFile.Edit(exported, d =>
        {
            SheetFile.Type(d, Dx, "H" + r1, "措置中");
            SheetFile.Type(d, Dx, "I" + r1, "調達規程の改正案を作成中。");
            SheetFile.Type(d, Dx, "I" + r3, "再確認し、契約書の条項を追加した。");
            SheetFile.Type(d, Dx, "H" + r3, "措置済");
        });
        var path = dir.File("all-filled.xlsx");
        await File.WriteAllBytesAsync(path, edited);
        var run = await ImportAsync(setup.Db, path, "dx-editor", "--submit");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("下書きを更新", run.Out, StringComparison.Ordinal);

        await using var context = setup.Db.CreateContext();
        var responses = await context.Responses.Include(r => r.Steps).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal(ResponseStage.Submitted, r.Stage));
        Assert.Equal(["drafted", "edited", "submitted"], responses[0].Steps.OrderBy(s => s.Id).Select(s => s.Action));
        Assert.Equal(("措置済", "再確認し、契約書の条項を追加した。"), (responses[0].Word, responses[0].Content));
        Assert.Equal(["drafted", "submitted"], responses[1].Steps.OrderBy(s => s.Id).Select(s => s.Action));
        Assert.Equal(await FindingIdAsync(setup.Db, "R5-指-1"), responses[1].FindingId);
        Assert.All(responses.SelectMany(r => r.Steps), s => Assert.Equal("user:dx-editor", s.By));
    }
}
