using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kansa.Tests.Xlsx;

/// <summary>
/// A workbook as readable text for golden files: per sheet its print setup, frozen pane, column widths and every cell
/// with its type and style, read with the Open XML SDK directly (not through Kansa's reader).
/// </summary>
public static class XlsxDump
{
    /// <summary>The dump of a workbook's bytes.</summary>
    public static string Of(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sb = new StringBuilder();
        foreach (var name in workbook.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"名前 {name.Name} (シート {name.LocalSheetId?.Value}): {name.Text}\n");
        }

        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var ws = part.Worksheet;
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n== シート「{sheet.Name}」\n");
            var setup = ws.GetFirstChild<PageSetup>();
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"印刷: 用紙 {setup?.PaperSize?.Value} 向き {setup?.Orientation?.InnerText} 横 {setup?.FitToWidth?.Value} 枚に合わせる, フッター {ws.GetFirstChild<HeaderFooter>()?.OddFooter?.Text}\n");
            var pane = ws.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"固定: {pane?.State?.InnerText} {pane?.TopLeftCell}\n");
            sb.Append("列幅: ").AppendJoin(' ', ws.GetFirstChild<Columns>()?.Elements<Column>().Select(c => $"{c.Min}={c.Width}") ?? []).Append('\n');
            foreach (var row in ws.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                foreach (var cell in row.Elements<Cell>())
                {
                    var type = cell.DataType?.InnerText ?? "n";
                    var value = type switch
                    {
                        "s" => strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)],
                        "inlineStr" => cell.InlineString!.InnerText,
                        _ => cell.CellValue?.Text ?? "",
                    };
                    var formula = cell.CellFormula is null ? "" : " 数式!";
                    sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{cell.CellReference} {type} s{cell.StyleIndex?.Value}{formula}: {value.Replace("\n", "⏎", StringComparison.Ordinal)}\n");
                }
            }
        }

        return sb.ToString();
    }
}
