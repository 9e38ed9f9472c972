namespace Kansa.Reports;

/// <summary>
/// Makes CSV cells safe to open in a spreadsheet without losing a character. Excel and LibreOffice run a cell that
/// starts with <c>= + - @</c>, a tab or a carriage return as a formula (<c>=HYPERLINK(…)</c> in a title would become
/// a live link). Such a cell is written with one leading apostrophe, which spreadsheets take as "this is text" and
/// do not show. A cell that itself starts with an apostrophe gets one too, so that the rule can be reversed exactly:
/// drop one leading apostrophe from every cell that has one (docs/formats.md, CSV 形式).
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>The mark put before a cell a spreadsheet would otherwise run.</summary>
    public const char Mark = '\'';

    /// <summary>The cell as written to a CSV file.</summary>
    public static string Protect(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or Mark ? Mark + value : value;

    /// <summary>The exact value of a cell read from a CSV file that <see cref="Protect"/> wrote.</summary>
    public static string Unprotect(string cell) => cell.Length > 0 && cell[0] == Mark ? cell[1..] : cell;
}
