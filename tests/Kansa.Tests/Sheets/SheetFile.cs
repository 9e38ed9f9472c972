using Kansa.Reports;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kansa.Sheets;

namespace Kansa.Tests.Sheets;

/// <summary>
/// Edits an exported department sheet the way a department's spreadsheet program would, with the Open XML SDK: typed
/// values go to the shared-string table (as Excel writes them), rows are re-sorted by moving them, cells gain formulas.
/// </summary>
public static class SheetFile
{
    /// <summary>Opens a copy of the workbook, edits it and returns the new bytes.</summary>
    public static byte[] Edit(byte[] xlsx, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        stream.Position = 0;
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    /// <summary>The worksheet of that name.</summary>
    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The row number whose 番号 (column A) is <paramref name="number"/>.</summary>
    public static int RowOf(byte[] xlsx, string sheet, string number)
    {
        var read = SheetWorkbookReader.Read(xlsx, "x").Value!.Single(s => s.Name == sheet);
        return read.Rows(SheetLayout.FirstRow).Single(r => read.Text("A" + r) == number);
    }

    /// <summary>Types a text into a cell, stored as a shared string like Excel does.</summary>
    public static void Type(SpreadsheetDocument document, string sheet, string reference, string text)
    {
        var table = document.WorkbookPart!.SharedStringTablePart ?? document.WorkbookPart.AddNewPart<SharedStringTablePart>();
        table.SharedStringTable ??= new SharedStringTable();
        table.SharedStringTable.Append(new SharedStringItem(new Text(XlsxText.Escape(text)) { Space = SpaceProcessingModeValues.Preserve }));
        var index = table.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
        var cell = Cell(document, sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Puts a formula into a cell (with a cached result, as a spreadsheet program saves it).</summary>
    public static void Formula(SpreadsheetDocument document, string sheet, string reference, string formula, string result)
    {
        var cell = Cell(document, sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.String;
        cell.Append(new CellFormula(formula), new CellValue(result));
    }

    /// <summary>Sorts the finding rows in reverse order (what a sort by 番号, descending, does), cell references included.</summary>
    public static void Reverse(SpreadsheetDocument document, string sheet)
    {
        var data = Sheet(document, sheet).GetFirstChild<SheetData>()!;
        var rows = data.Elements<Row>().Where(r => r.RowIndex! >= SheetLayout.FirstRow).ToList();
        var numbers = rows.Select(r => r.RowIndex!.Value).ToList();
        foreach (var row in rows)
        {
            row.Remove();
        }

        rows.Reverse();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].RowIndex = numbers[i];
            foreach (var cell in rows[i].Elements<Cell>())
            {
                cell.CellReference = new string([.. cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]) + numbers[i];
            }

            data.Append(rows[i]);
        }
    }

    /// <summary>The visible cells (A–I) of every visible worksheet as text, one line a row: what a person sees.</summary>
    public static string VisibleText(byte[] xlsx)
    {
        var sb = new StringBuilder();
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var visible = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Where(s => s.State is null || s.State.Value == SheetStateValues.Visible).Select(s => s.Name!.Value!).ToList();
        foreach (var sheet in SheetWorkbookReader.Read(xlsx, "x").Value!.Where(s => visible.Contains(s.Name)))
        {
            sb.Append("## ").Append(sheet.Name).Append('\n');
            foreach (var r in sheet.Rows(1))
            {
                var cells = "ABCDEFGHI".Select(c => sheet.Text(c.ToString() + r).Replace("\n", "⏎", StringComparison.Ordinal));
                sb.Append(r).Append(": ").AppendJoin(" | ", cells).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static Cell Cell(SpreadsheetDocument document, string sheet, string reference)
    {
        var data = Sheet(document, sheet).GetFirstChild<SheetData>()!;
        var rowNumber = uint.Parse(reference.AsSpan(reference.AsSpan().IndexOfAnyInRange('0', '9')), System.Globalization.CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().Single(r => r.RowIndex! == rowNumber);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var after = row.Elements<Cell>().LastOrDefault(c => SheetWorkbookReader.ColumnIndex(c.CellReference!) < SheetWorkbookReader.ColumnIndex(reference));
            if (after is null)
            {
                row.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }

        return cell;
    }
}
