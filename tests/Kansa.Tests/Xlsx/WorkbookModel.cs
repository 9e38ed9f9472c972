using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kansa.Tests.Xlsx;

/// <summary>One cell of <see cref="WorkbookModel"/>: text, or a number cell with its raw value.</summary>
public sealed record ModelCell(string Text, bool IsNumber = false);

/// <summary>One sheet: its name and rows (index 0 is row 1; a null row or cell is empty).</summary>
public sealed record ModelSheet(string Name, List<List<ModelCell?>?> Rows);

/// <summary>
/// A workbook as plain lists, for tests that change a workbook the way a user or a broken tool would: read from the
/// bytes of an export, changed, and written again with the Open XML SDK, with inline or shared strings.
/// </summary>
public sealed class WorkbookModel(List<ModelSheet> sheets)
{
    /// <summary>The sheets in order.</summary>
    public List<ModelSheet> Sheets { get; } = sheets;

    /// <summary>Reads an export.</summary>
    public static WorkbookModel Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheets = new List<ModelSheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var rows = new List<List<ModelCell?>?>();
            foreach (var row in ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                var index = (int)row.RowIndex!.Value - 1;
                while (rows.Count <= index)
                {
                    rows.Add(null);
                }

                var cells = new List<ModelCell?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Kansa.Tests.Xlsx.Cells.Column(cell.CellReference!);
                    while (cells.Count <= column)
                    {
                        cells.Add(null);
                    }

                    cells[column] = cell.DataType?.InnerText switch
                    {
                        "inlineStr" => new ModelCell(Kansa.Reports.XlsxText.Unescape(cell.InlineString!.InnerText)),
                        "s" => new ModelCell(Kansa.Reports.XlsxText.Unescape(strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)])),
                        _ => cell.CellValue is null ? null : new ModelCell(cell.CellValue.Text, IsNumber: true),
                    };
                }

                rows[index] = cells;
            }

            sheets.Add(new ModelSheet(sheet.Name!, rows));
        }

        return new WorkbookModel(sheets);
    }

    /// <summary>The cell at a reference such as B12 of a sheet, or null.</summary>
    public ModelCell? Cell(int sheet, string reference)
    {
        var (row, column) = Kansa.Tests.Xlsx.Cells.Parse(reference);
        var rows = Sheets[sheet].Rows;
        return row < rows.Count && rows[row] is { } cells && column < cells.Count ? cells[column] : null;
    }

    /// <summary>Sets the cell at a reference.</summary>
    public void Set(int sheet, string reference, ModelCell? value)
    {
        var (row, column) = Kansa.Tests.Xlsx.Cells.Parse(reference);
        var rows = Sheets[sheet].Rows;
        while (rows.Count <= row)
        {
            rows.Add(null);
        }

        var cells = rows[row] ??= [];
        while (cells.Count <= column)
        {
            cells.Add(null);
        }

        cells[column] = value;
    }

    /// <summary>The 1-based number of the first row whose first cell is <paramref name="text"/>.</summary>
    public int RowOf(int sheet, string text) =>
        Sheets[sheet].Rows.FindIndex(r => r is { Count: > 0 } && r[0]?.Text == text) + 1;

    /// <summary>Writes the workbook; <paramref name="sharedStrings"/> puts every text in a shared-string table as Excel does.</summary>
    public byte[] Write(bool sharedStrings)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var table = new List<string>();
            var sheets = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
            for (var i = 0; i < Sheets.Count; i++)
            {
                var data = new SheetData();
                for (var r = 0; r < Sheets[i].Rows.Count; r++)
                {
                    if (Sheets[i].Rows[r] is not { } cells)
                    {
                        continue;
                    }

                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (cells[c] is { } cell)
                        {
                            row.Append(Write(cell, $"{Kansa.Import.ImportProblem.ColumnName(c)}{r + 1}", sharedStrings, table));
                        }
                    }

                    data.Append(row);
                }

                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = Sheets[i].Name });
            }

            if (sharedStrings)
            {
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                    new SharedStringTable(table.Select(t => new SharedStringItem(new Text(Kansa.Reports.XlsxText.Escape(t)) { Space = SpaceProcessingModeValues.Preserve })));
            }

            workbookPart.Workbook = new Workbook(sheets);
        }

        return stream.ToArray();
    }

    private static Cell Write(ModelCell cell, string reference, bool sharedStrings, List<string> table)
    {
        if (cell.IsNumber)
        {
            return new Cell(new CellValue(cell.Text)) { CellReference = reference };
        }

        if (sharedStrings)
        {
            table.Add(cell.Text);
            return new Cell(new CellValue(table.Count - 1)) { CellReference = reference, DataType = CellValues.SharedString };
        }

        return new Cell(new InlineString(new Text(Kansa.Reports.XlsxText.Escape(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
        };
    }
}

/// <summary>Cell references: B12 is row index 11, column index 1.</summary>
public static class Cells
{
    /// <summary>The 0-based row and column of a reference.</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var letters = new string([.. reference.TakeWhile(char.IsAsciiLetter)]);
        return (int.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture) - 1, Column(letters));
    }

    /// <summary>The 0-based column of a reference or of its letters.</summary>
    public static int Column(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;
}
