using Kansa.Calendar;

namespace Kansa.Import;

/// <summary>
/// A month written in a document (the title's 〜現在, a publication month), read only when Kansa can also show it:
/// digits of other scripts, which .NET's <c>\d</c> matches and <c>int.Parse</c> refuses, are reported instead of
/// read; the range of months Kansa can show is <see cref="YearMonth"/>'s own (its parse refuses the rest).
/// </summary>
public static class DocumentMonth
{
    /// <summary>Reads a month; false with a Japanese reason when it cannot be read or shown.</summary>
    public static bool TryParse(string text, out YearMonth value, out string? error)
    {
        value = default;
        if (ForeignDigits.Find(text) is { } digit)
        {
            error = $"「{text.Trim()}」に半角・全角以外の数字「{digit}」があります (0〜9 で書いてください)";
            return false;
        }

        return YearMonth.TryParse(text, out value, out error);
    }
}
