using System.Globalization;
using Kansa.Calendar;

namespace Kansa.Import;

/// <summary>
/// A month written in a document (the title's 〜現在, a publication month), read only when Kansa can also show it:
/// digits of other scripts, which .NET's <c>\d</c> matches and <c>int.Parse</c> refuses, are reported instead of
/// read, and months outside 明治 (1868-10) to 2999-12 are refused, since they have no 和暦 to display.
/// </summary>
public static class DocumentMonth
{
    /// <summary>The first month Kansa shows: 明治元年 begins in 1868-10 (JapaneseCalendar's first era).</summary>
    public static readonly YearMonth First = new(1868, 10);

    /// <summary>The last month Kansa accepts.</summary>
    public static readonly YearMonth Last = new(2999, 12);

    /// <summary>Reads a month; false with a Japanese reason when it cannot be read or shown.</summary>
    public static bool TryParse(string text, out YearMonth value, out string? error)
    {
        value = default;
        if (ForeignDigits.Find(text) is { } digit)
        {
            error = $"「{text.Trim()}」に半角・全角以外の数字「{digit}」があります (0〜9 で書いてください)";
            return false;
        }

        if (!YearMonth.TryParse(text, out var month, out error))
        {
            return false;
        }

        if (month < First || month > Last)
        {
            error = $"{month.Year.ToString(CultureInfo.InvariantCulture)}年{month.Month}月は扱える範囲 (明治元年10月〜2999年12月) の外です";
            return false;
        }

        value = month;
        return true;
    }
}
