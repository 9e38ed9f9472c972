using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kansa.Reports;

namespace Kansa.Import;

/// <summary>
/// Reads the cell texts of every worksheet of an xlsx workbook, in sheet and row order, whichever way the cells are
/// stored (shared strings, inline strings, numbers, booleans; the cached value of a formula). A file that cannot be
/// opened as a workbook gives a Japanese reason instead of an exception.
/// </summary>
internal static class WorkbookSheets
{
    /// <summary>The widest row read: the report has seven columns, and a cell at XFD would only waste memory.</summary>
    public const int MaxColumns = 64;

    /// <summary>The largest part (sheet or string table) read, in characters: a zip bomb stops here.</summary>
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <summary>One non-empty row: its sheet, its row number and its cells from column A.</summary>
    public sealed record SheetRow(string Sheet, int Row, string[] Cells);

    /// <summary>A problem at a cell (column 0-based), or at the whole sheet when Row is 0.</summary>
    public sealed record CellProblem(string Sheet, int Row, int Column, string Message);

    /// <summary>The rows of every worksheet, or a reason the file is no readable workbook.</summary>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<CellProblem> Problems, string? Refusal) Read(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false });
            if (document.WorkbookPart?.Workbook?.Sheets is not { } sheets)
            {
                return ([], [], "xlsx のブックではありません (ブックの本体 xl/workbook.xml がありません)");
            }

            var strings = document.WorkbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToArray() ?? [];
            var rows = new List<SheetRow>();
            var problems = new List<CellProblem>();
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                var name = sheet.Name?.Value ?? "";
                if (sheet.Id?.Value is { } id && document.WorkbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                {
                    ReadSheet(name, worksheet, strings, rows, problems);
                }
            }

            return (rows, problems, null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException or XmlException or IOException
                                       or InvalidOperationException or ArgumentException or FormatException)
        {
            // System.IO.Packaging throws ArgumentException for a relationship whose target is empty or no part name
            // (found by the fuzz harness), and UriFormatException for one that is no URI.
            // The zip or its XML is broken: which byte does not help a user, the file as a whole is refused.
            return ([], [], "ファイルが壊れているか、xlsx 形式のブックではありません (zip の中の xlsx の部品を読めません)");
        }
    }

    private static void ReadSheet(string name, WorksheetPart worksheet, string[] strings, List<SheetRow> rows, List<CellProblem> problems)
    {
        var rowNumber = 0;
        foreach (var row in worksheet.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            rowNumber = row.RowIndex?.Value is { } index and > 0 and <= int.MaxValue ? (int)index : rowNumber + 1;
            var cells = new SortedDictionary<int, string>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) ?? column + 1 : column + 1;
                if (column >= MaxColumns)
                {
                    problems.Add(new CellProblem(name, rowNumber, column, $"{MaxColumns}列目より右にセルがあります (対応状況の表は7列です)"));
                    break;
                }

                var value = ValueOf(cell, strings, out var error);
                if (error is not null)
                {
                    problems.Add(new CellProblem(name, rowNumber, column, error));
                }

                if (!string.IsNullOrEmpty(value))
                {
                    cells[column] = value;
                }
            }

            if (cells.Count > 0 && cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                var array = new string[cells.Keys.Max() + 1];
                Array.Fill(array, "");
                foreach (var (c, v) in cells)
                {
                    array[c] = v;
                }

                rows.Add(new SheetRow(name, rowNumber, array));
            }
        }
    }

    /// <summary>The 0-based column of a reference such as C12, or null when it is no reference.</summary>
    private static int? ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && i < 3; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 ? null : column - 1;
    }

    private static string? ValueOf(Cell cell, string[] strings, out string? error)
    {
        error = null;
        var raw = cell.CellValue?.Text;
        switch (cell.DataType?.InnerText)
        {
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Length)
                {
                    return strings[index];
                }

                error = $"共有文字列の番号「{raw}」がブックの文字列表にありません (ファイルが壊れていないか確かめてください)";
                return null;
            case "inlineStr":
                return cell.InlineString is { } inline ? TextOf(inline) : null;
            case "b":
                return raw == "1" ? "TRUE" : raw is null ? null : "FALSE";
            default:
                // Numbers, dates, errors and a formula's cached text: what the cell shows, in invariant notation.
                return raw is null ? null : XlsxText.Unescape(raw);
        }
    }

    /// <summary>A rich or plain string's text; the furigana (rPh) Japanese Excel adds are no part of it.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return XlsxText.Unescape(text.Text);
        }

        return XlsxText.Unescape(string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? "")));
    }
}
