using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kansa.Reports;

/// <summary>The cell styles of the report workbook; the numbers are indexes into the stylesheet's cellXfs.</summary>
internal static class XlsxStyles
{
    public const uint Title = 1;
    public const uint Theme = 2;
    public const uint Header = 3;
    public const uint Body = 4;

    /// <summary>
    /// A body cell whose text starts with = + - @: Excel's own "quote prefix" mark, as when a user types '=1+1. The
    /// value is a string either way; the mark keeps it one when someone edits the cell and presses Enter.
    /// </summary>
    public const uint BodyQuoted = 5;
    public const uint SummaryLabel = 6;
    public const uint SummaryCount = 7;
    public const uint SummaryHeader = 8;

    public static Stylesheet Create()
    {
        const string font = "游ゴシック";
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = font }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE6E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder()));
        var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true, QuotePrefix = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 1, NumberFormatId = 3, ApplyBorder = true, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true });
        var styleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        var styles = new CellStyles(new CellStyle { Name = "標準", FormatId = 0, BuiltinId = 0 });
        return new Stylesheet(fonts, fills, borders, styleFormats, formats, styles);
    }

    private static T Side<T>()
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
}
