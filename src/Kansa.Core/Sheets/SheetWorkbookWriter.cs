using Kansa.Reports;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkbookSheets = DocumentFormat.OpenXml.Spreadsheet.Sheets;

namespace Kansa.Sheets;

/// <summary>
/// Writes department sheets as an xlsx workbook with the Open XML SDK: one protected worksheet per department (no
/// password: the protection keeps people from typing into the registry columns by mistake; what protects the data is
/// the import, which compares every locked cell with the database), input cells unlocked and yellow, a drop-down of
/// the category's status words from a hidden list sheet, and the hidden columns that tie each row to its finding.
/// Every value is written as text, never as a formula, whatever its first character.
/// </summary>
public static class SheetWorkbookWriter
{
    /// <summary>The hidden sheet holding the drop-down lists (A: 指摘, B: 意見).</summary>
    public const string ListSheet = "選択肢";

    // Cell formats (the order of CellFormats below).
    private const uint Title = 1, Note = 2, HeaderStyle = 3, LockedStyle = 4, LockedText = 5, Input = 6, InputText = 7;

    /// <summary>Writes the workbook.</summary>
    public static void Write(DepartmentSheets sheets, DateTimeOffset exportedAt, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = new WorkbookSheets();
        var definedNames = new DefinedNames();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ListSheet };
        var finding = ListWords(sheets, FindingCategory.Finding);
        var opinion = ListWords(sheets, FindingCategory.Opinion);
        uint id = 1;
        foreach (var sheet in sheets.Sheets)
        {
            var name = SheetName(sheet.Name, names);
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheets, sheet, exportedAt, finding.Count, opinion.Count);
            sheetList.Append(new Sheet { Name = name, SheetId = id, Id = workbookPart.GetIdOfPart(part) });
            definedNames.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A${SheetLayout.HeaderRow}:$I${Math.Max(SheetLayout.HeaderRow, SheetLayout.FirstRow + sheet.Rows.Count - 1)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = id - 1,
                Hidden = true,
            });
            id++;
        }

        if (sheets.Sheets.Count == 0)
        {
            // Excel opens no workbook whose every sheet is hidden: say plainly that nothing waits for an answer.
            var empty = workbookPart.AddNewPart<WorksheetPart>();
            empty.Worksheet = new Worksheet(new SheetData(new Row(TextCell("A1", $"{sheets.Title}: 回答の要る指摘・意見はありません。", Title)) { RowIndex = 1 }));
            sheetList.Append(new Sheet { Name = "案内", SheetId = id, Id = workbookPart.GetIdOfPart(empty) });
            id++;
        }

        var lists = workbookPart.AddNewPart<WorksheetPart>();
        lists.Worksheet = ListWorksheet(finding, opinion);
        sheetList.Append(new Sheet { Name = ListSheet, SheetId = id, Id = workbookPart.GetIdOfPart(lists), State = SheetStateValues.VeryHidden });
        workbookPart.Workbook.Append(new BookViews(new WorkbookView()), sheetList);
        if (definedNames.HasChildren)
        {
            workbookPart.Workbook.Append(definedNames);
        }
    }

    /// <summary>A worksheet name Excel accepts (31 characters, none of <c>[]:*?/\</c>), unique in the workbook.</summary>
    public static string SheetName(string department, ISet<string> taken)
    {
        var clean = new string([.. department.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c)]).Trim('\'');
        clean = clean.Length == 0 ? "所管課" : clean;
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $"({n})";
            name = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static List<string> ListWords(DepartmentSheets sheets, FindingCategory category) =>
        sheets.Sheets.SelectMany(s => s.Rows).FirstOrDefault(r => r.Category == category)?.Words.ToList() ?? [];

    private static Worksheet Worksheet(DepartmentSheets sheets, DepartmentSheet sheet, DateTimeOffset exportedAt, int findingWords, int opinionWords)
    {
        var data = new SheetData();
        var title = new Row { RowIndex = 1 };
        title.Append(
            TextCell("A1", $"{sheets.Title} 措置(対応)状況の照会 — {sheet.Name}", Title),
            TextCell(SheetLayout.FormatCell, SheetLayout.Format, 0),
            TextCell(SheetLayout.AuditCell, sheets.AuditKey, 0),
            TextCell(SheetLayout.ExportedCell, exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), 0));
        data.Append(title);
        data.Append(new Row(TextCell("A2", SheetLayout.Note, Note)) { RowIndex = 2, Height = 30, CustomHeight = true });
        var header = new Row { RowIndex = SheetLayout.HeaderRow };
        foreach (var (column, text, _) in SheetLayout.Columns)
        {
            header.Append(TextCell(column + SheetLayout.HeaderRow, text, HeaderStyle));
        }

        data.Append(header);
        var rowIndex = (uint)SheetLayout.FirstRow;
        var findingCells = new List<string>();
        var opinionCells = new List<string>();
        foreach (var r in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < SheetLayout.Locked.Count; i++)
            {
                var value = r.Locked[i];
                row.Append(TextCell(SheetLayout.Locked[i].Column + rowIndex, value, NeedsQuote(value) ? LockedText : LockedStyle));
            }

            var open = r.Editable ? Input : LockedStyle;
            row.Append(
                TextCell(SheetLayout.Status + rowIndex, r.Word, r.Editable && NeedsQuote(r.Word) ? InputText : open),
                TextCell(SheetLayout.Content + rowIndex, r.Content, r.Editable && NeedsQuote(r.Content) ? InputText : open),
                TextCell(SheetLayout.FindingId + rowIndex, r.FindingId.ToString(CultureInfo.InvariantCulture), 0),
                TextCell(SheetLayout.Version + rowIndex, r.Token, 0),
                TextCell(SheetLayout.InputHash + rowIndex, r.InputHash, 0));
            row.Height = Height(r);
            row.CustomHeight = true;
            data.Append(row);
            if (r.Editable)
            {
                (r.Category == FindingCategory.Finding ? findingCells : opinionCells).Add(SheetLayout.Status + rowIndex);
            }

            rowIndex++;
        }

        var last = Math.Max(SheetLayout.HeaderRow, rowIndex - 1);
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = SheetLayout.HeaderRow, TopLeftCell = "A" + SheetLayout.FirstRow, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "H" + SheetLayout.FirstRow, SequenceOfReferences = new ListValue<StringValue> { InnerText = "H" + SheetLayout.FirstRow } })
            { WorkbookViewId = 0 }),
            new Columns([.. SheetLayout.Columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = c.Width,
                CustomWidth = true,
                Hidden = string.CompareOrdinal(c.Column, SheetLayout.FindingId) >= 0 ? true : null,
            })]),
            data,

            // Sorting and filtering stay allowed (false = not protected), so that a department can reorder its rows.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, Sort = false, AutoFilter = false },
            new AutoFilter { Reference = $"A{SheetLayout.HeaderRow}:I{last}" });
        var validations = new DataValidations();
        AddList(validations, findingCells, $"'{ListSheet}'!$A$1:$A${Math.Max(1, findingWords)}", FindingCategory.Finding);
        AddList(validations, opinionCells, $"'{ListSheet}'!$B$1:$B${Math.Max(1, opinionWords)}", FindingCategory.Opinion);
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            worksheet.Append(validations);
        }

        worksheet.Append(
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
        return worksheet;
    }

    private static void AddList(DataValidations validations, List<string> cells, string range, FindingCategory category)
    {
        if (cells.Count == 0)
        {
            return;
        }

        validations.Append(new DataValidation(new Formula1(range))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ShowInputMessage = true,
            ErrorTitle = "対応区分",
            Error = $"{category.Label()}の対応区分の一覧から選んでください。",
            PromptTitle = "対応区分",
            Prompt = $"{category.Label()}の対応区分を一覧から選んでください。",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', cells) },
        });
    }

    private static Worksheet ListWorksheet(List<string> finding, List<string> opinion)
    {
        var data = new SheetData();
        for (var i = 0; i < Math.Max(finding.Count, opinion.Count); i++)
        {
            var row = new Row { RowIndex = (uint)(i + 1) };
            if (i < finding.Count)
            {
                row.Append(TextCell("A" + (i + 1), finding[i], 0));
            }

            if (i < opinion.Count)
            {
                row.Append(TextCell("B" + (i + 1), opinion[i], 0));
            }

            data.Append(row);
        }

        return new Worksheet(data, new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    // Excel would take a typed = + - @ as the start of a formula: such a cell gets the quote prefix, so that editing it
    // keeps it text. The value itself is always a string cell.
    private static bool NeedsQuote(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    private static Cell TextCell(string reference, string value, uint style)
    {
        var text = new Text(XlsxText.Escape(value));
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.Contains('\n', StringComparison.Ordinal)))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell(new InlineString(text)) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };
    }

    // Row heights by the wrapped text's lines (Excel does not measure them when it opens a file).
    private static double Height(SheetRow row)
    {
        static int Lines(string text, double width) =>
            text.Split('\n').Sum(p => Math.Max(1, (int)Math.Ceiling(p.Sum(c => c < 0x2E80 ? 1.1 : 2.1) / width)));
        var lines = Math.Max(Lines(row.Locked[4], 48), Math.Max(Lines(row.Content, 60), Lines(row.Locked[6], 18)));
        return Math.Min(409, Math.Max(30, lines * 15.5));
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(double size, bool bold) =>
            bold ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "游ゴシック" }) : new Font(new FontSize { Val = size }, new FontName { Val = "游ゴシック" });
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        var thin = new Border(
            new LeftBorder(new Color { Rgb = "FF999999" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FF999999" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FF999999" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FF999999" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        CellFormat Format(uint font, uint fill, uint border, bool wrap, bool locked, bool quote = false) => new(
            new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top },
            new Protection { Locked = locked })
        {
            FontId = font, FillId = fill, BorderId = border, FormatId = 0, NumberFormatId = 49, // 49 = "@", text
            ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, ApplyProtection = true, ApplyNumberFormat = true,
            QuotePrefix = quote ? true : null,
        };
        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(14, true)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("FFD9D9D9"), Solid("FFFFF2CC")) { Count = 4 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(2, 0, 0, wrap: false, locked: true),
                Format(0, 0, 0, wrap: true, locked: true),
                Format(1, 2, 1, wrap: true, locked: true),
                Format(0, 0, 1, wrap: true, locked: true),
                Format(0, 0, 1, wrap: true, locked: true, quote: true),
                Format(0, 3, 1, wrap: true, locked: false),
                Format(0, 3, 1, wrap: true, locked: false, quote: true))
            { Count = 8 },
            new CellStyles(new CellStyle { Name = "標準", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
