using Kansa.Reports;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Import;
using Kansa.Responses;
using Kansa.Sheets;
using Kansa.Status;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Sheets;

/// <summary>The exported workbook itself: its visible cells (golden file), and text that only looks like a formula.</summary>
public class SheetExportTests
{
    private static readonly StaffUser Coordinator = new("", "coord", new HashSet<string>(StringComparer.Ordinal) { Roles.Coordinator }, new HashSet<int>());

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_visible_cells_of_the_demo_sheets_match_the_golden_file(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.CreateContext();
        var imported = await new ImportStatusReports(context, TimeProvider.System).RunAsync(TestPaths.DemoSamples, false, null, CancellationToken.None);
        Assert.True(imported.Succeeded);

        // R5-指-3 (農政課, done) asked again; R5-指-6 (環境政策課, 措置中) with a returned draft; R5-意-12 (対応しない) stays open.
        var audit = await context.Audits.SingleAsync(a => a.Key == "R5-包括外部監査");
        var f3 = await context.Findings.SingleAsync(f => f.AuditId == audit.Id && f.Number == "R5-指-3");
        var f6 = await context.Findings.SingleAsync(f => f.AuditId == audit.Id && f.Number == "R5-指-6");
        context.ResponseRequests.Add(new ResponseRequest { FindingId = f3.Id, DueDate = new DateOnly(2026, 1, 30), OriginalDueDate = new DateOnly(2026, 1, 30), RequestedBy = "user:coord", RequestedAt = DateTimeOffset.UnixEpoch });
        var returned = new Response { FindingId = f6.Id, Word = "措置中", State = StatusState.InProgress, Content = "=処理施設の更新計画を策定中。\n\n・令和8年度に入札", Stage = ResponseStage.Returned, CreatedBy = "user:env", CreatedAt = DateTimeOffset.UnixEpoch };
        returned.Steps.Add(new ResponseStep { Action = "drafted", By = "user:env", At = DateTimeOffset.UnixEpoch });
        returned.Steps.Add(new ResponseStep { Action = "returned", By = "user:env-boss", At = DateTimeOffset.UnixEpoch, Comment = "時期を明記してください。" });
        context.Responses.Add(returned);
        await context.SaveChangesAsync();

        var export = new ExportDepartmentSheets(context, new ChangeLogWriter(context, new FixedActor("user:coord"), TimeProvider.System), TimeProvider.System);
        var outcome = await export.RunAsync(Coordinator, "R5-包括外部監査", null, false, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Problems));
        Assert.Equal(["R5-指-4", "R5-意-3", "R5-意-5", "R5-意-6", "R5-意-8", "R5-意-10"], outcome.Value!.Sheets.WithoutDepartment);
        Golden.AssertMatches("department-sheets-R5.txt", System.Text.Encoding.UTF8.GetBytes(SheetFile.VisibleText(outcome.Value!.Content)));

        // A valid workbook by the Open XML schema (what Excel checks when it opens a file).
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(outcome.Value.Content), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        // Text that starts like a formula is a string cell with the quote prefix, never a formula.
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
        var cell = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Single(c => c.InnerText.StartsWith("=処理施設", StringComparison.Ordinal));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, cell.DataType!.Value);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.True(format.QuotePrefix?.Value);
        Assert.Equal(1, await context.ChangeEntries.CountAsync(e => e.Action == "export" && e.EntityType == "DepartmentSheet" && e.Actor == "user:coord"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_audit_or_department_is_a_message_not_an_error(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.CreateContext();
        Assert.True((await new ImportStatusReports(context, TimeProvider.System).RunAsync(TestPaths.DemoSamples, false, null, CancellationToken.None)).Succeeded);
        var load = new LoadDepartmentSheets(context);
        foreach (var (audit, department, expected) in new[]
        {
            ("R9-存在しない監査", (string?)null, "監査: 監査「R9-存在しない監査」は登録されていません。"),
            ("R5-包括外部監査", "存在しない課", "所管課: 「存在しない課」は登録されていません。"),
            ("R5-包括外部監査", "\uFFFE課", "所管課: 「(使えない文字を含む名前)」は登録されていません。"),
            ("\0", null, "監査: 監査キーを指定してください (例: R5-包括外部監査)。"),
        })
        {
            var outcome = await load.RunAsync(Coordinator, audit, department, false, CancellationToken.None);
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            Assert.Equal(expected, Assert.Single(outcome.Problems).Message);
        }

        // An editor may export only their own department.
        var editor = new StaffUser("", "e", new HashSet<string>(StringComparer.Ordinal) { Roles.Editor }, new HashSet<int>());
        Assert.Equal(OutcomeKind.Forbidden, (await load.RunAsync(editor, "R5-包括外部監査", "農政課", false, CancellationToken.None)).Kind);

        // Nothing to answer still makes a workbook Excel opens (one visible sheet that says so).
        var empty = await new ExportDepartmentSheets(context, new ChangeLogWriter(context, new FixedActor("user:e"), TimeProvider.System), TimeProvider.System)
            .RunAsync(editor, "R5-包括外部監査", null, false, CancellationToken.None);
        Assert.True(empty.Succeeded);
        Assert.Empty(empty.Value!.Sheets.Sheets);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(empty.Value.Content), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        Assert.Contains("## 案内\n1: 令和5年度包括外部監査: 回答の要る指摘・意見はありません。", SheetFile.VisibleText(empty.Value.Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("_x0041_ と _x005F_ と \u0001")]
    [InlineData("改行\nと\t")]
    public void Cell_text_goes_out_and_comes_back_unchanged(string text) =>
        Assert.Equal(text, XlsxText.Unescape(XlsxText.Escape(text)));
}
