using System.Text.RegularExpressions;
using Kansa.Findings;

namespace Kansa.Import;

/// <summary>
/// The 報告書頁 cell (P45, P76~77), read only when its page numbers are numbers Kansa can hold: digits of other
/// scripts and numbers beyond any report's length are reported with the cell, not left to throw.
/// </summary>
public static partial class PagesCell
{
    /// <summary>The most digits a page number may have (a report has fewer than a million pages).</summary>
    private const int MaxDigits = 6;

    /// <summary>Reads the cell (null when empty); false with a Japanese reason when its numbers cannot be read.</summary>
    public static bool TryParse(string? cell, out ReportPages? pages, out string? error)
    {
        pages = null;
        error = null;
        if (ForeignDigits.Find(cell) is { } digit)
        {
            error = $"報告書頁「{cell!.Trim()}」に半角・全角以外の数字「{digit}」があります (0〜9 で書いてください)";
            return false;
        }

        if (LongNumber().IsMatch(Identifiers.Compact(cell)))
        {
            error = $"報告書頁「{cell!.Trim()}」の頁番号が大きすぎます ({MaxDigits}桁まで)";
            return false;
        }

        pages = ReportPages.Parse(cell);
        return true;
    }

    [GeneratedRegex("[0-9]{7,}")]
    private static partial Regex LongNumber();
}
