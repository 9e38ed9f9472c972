using Kansa.Reports;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kansa.Sheets;

/// <summary>One cell as read: its text (as Excel shows it, escapes undone) and whether it holds a formula.</summary>
/// <param name="Text">The text.</param>
/// <param name="IsFormula">Whether the cell is a formula (its text is then the last computed value).</param>
public sealed record ReadCell(string Text, bool IsFormula);

/// <summary>One worksheet as read.</summary>
/// <param name="Name">Its name (the tab).</param>
/// <param name="Cells">Its cells by reference (H7).</param>
public sealed record ReadWorksheet(string Name, IReadOnlyDictionary<string, ReadCell> Cells)
{
    /// <summary>The text of a cell, empty when there is none.</summary>
    public string Text(string reference) => Cells.TryGetValue(reference, out var c) ? c.Text : "";

    /// <summary>The numbers of the rows that hold any cell, from <paramref name="first"/> on, in order.</summary>
    public IEnumerable<int> Rows(int first) =>
        Cells.Keys.Select(RowOf).Where(r => r >= first).Distinct().Order();

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(reference.AsSpan().IndexOfAnyInRange('0', '9')), CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads the cells of an xlsx workbook with the Open XML SDK, whoever wrote it (Excel, LibreOffice, Kansa): shared,
/// inline and rich-text strings (without the furigana of phonetic runs), numbers, booleans, formulas. A file that is
/// not a workbook, or one that unpacks to more than <see cref="MaxUnpackedBytes"/>, is a problem, not an exception.
/// </summary>
public static class SheetWorkbookReader
{
    /// <summary>The most a workbook may unpack to (a zip bomb is refused before anything is parsed).</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>The worksheets, or the problem (in Japanese, naming the file).</summary>
    public static Outcome<IReadOnlyList<ReadWorksheet>> Read(byte[] bytes, string file)
    {
        string NotWorkbook(string why) => $"{file}: Excel のブック (xlsx) として読めません ({why})。Kansa で書き出した所管課シートを、xlsx 形式のまま保存して取り込んでください。";
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                {
                    return Outcome<IReadOnlyList<ReadWorksheet>>.Invalid("file", NotWorkbook($"展開すると {MaxUnpackedBytes / 1024 / 1024} MB を超えます"));
                }
            }

            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes });
            var workbook = document.WorkbookPart?.Workbook ?? throw new InvalidDataException("ブックの部分がありません");
            var shared = document.WorkbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(Plain).ToList() ?? [];
            var sheets = new List<ReadWorksheet>();
            foreach (var sheet in workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } rel || document.WorkbookPart.GetPartById(rel) is not WorksheetPart part)
                {
                    continue; // a chart sheet or a dialog sheet holds no cells
                }

                sheets.Add(new ReadWorksheet(sheet.Name?.Value ?? "", Cells(part, shared)));
            }

            return Outcome<IReadOnlyList<ReadWorksheet>>.Ok(sheets);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or FileFormatException
                                   or InvalidOperationException or ArgumentException or FormatException or IOException or NotSupportedException)
        {
            return Outcome<IReadOnlyList<ReadWorksheet>>.Invalid("file", NotWorkbook(e is InvalidDataException or FileFormatException or IOException ? "zip 形式ではないか、壊れています" : "中身が xlsx の形式ではありません"));
        }
    }

    private static Dictionary<string, ReadCell> Cells(WorksheetPart part, List<string> shared)
    {
        var cells = new Dictionary<string, ReadCell>(StringComparer.Ordinal);
        var rowNumber = 0u;
        foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            rowNumber = row.RowIndex?.Value ?? rowNumber + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                string reference;
                if (cell.CellReference?.Value is { Length: > 0 } r)
                {
                    reference = r.ToUpperInvariant();
                    column = ColumnIndex(reference);
                }
                else
                {
                    column++;
                    reference = ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                }

                var text = Value(cell, shared);
                var formula = cell.CellFormula is not null;
                if (text.Length > 0 || formula)
                {
                    cells[reference] = new ReadCell(text, formula);
                }
            }
        }

        return cells;
    }

    private static string Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is null ? "" : Plain(cell.InlineString);
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return XlsxText.Unescape(raw);
    }

    // The text of a string item: its own <t> or its runs' <t>, not the phonetic guide (<rPh>) Japanese Excel adds.
    private static string Plain(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
            {
                sb.Append(t.Text);
            }
            else if (child is Run run)
            {
                sb.Append(string.Concat(run.Elements<Text>().Select(x => x.Text)));
            }
        }

        return XlsxText.Unescape(sb.ToString());
    }

    /// <summary>1 for A, 27 for AA.</summary>
    public static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            n = (n * 26) + (c - 'A' + 1);
        }

        return n;
    }

    /// <summary>A for 1, AA for 27.</summary>
    public static string ColumnName(int index)
    {
        var s = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            s = (char)('A' + ((index - 1) % 26)) + s;
        }

        return s;
    }
}
