using System.Text.RegularExpressions;
using Kansa.Calendar;

namespace Kansa.Import;

/// <summary>
/// The 対応区分(公表年月) cell: a status word and a publication month, as in 措置済 (R7.8),
/// 対応済（令和6年3月）, 措置済 令和7年8月, or either part alone.
/// </summary>
public static partial class StatusCell
{
    /// <summary>Splits the cell into word and month; false with a Japanese reason when the month is unreadable.</summary>
    public static bool TryParse(string cell, out string word, out YearMonth? published, out string? error)
    {
        var s = Identifiers.Compact(cell);
        published = null;
        error = null;
        string? date = null;

        var bracket = Bracketed().Match(s);
        if (bracket.Success)
        {
            word = bracket.Groups["word"].Value;
            date = bracket.Groups["date"].Value;
        }
        else
        {
            var trailing = TrailingDate().Match(s);
            word = trailing.Success ? s[..trailing.Index] : s;
            date = trailing.Success ? trailing.Value : null;
        }

        // Some cities write 令和7年8月公表 inside the brackets.
        date = date is null ? null : DayOfMonth().Replace(date.Replace("公表", "", StringComparison.Ordinal), "");
        if (string.IsNullOrEmpty(date))
        {
            return true;
        }

        if (!DocumentMonth.TryParse(date, out var month, out var dateError))
        {
            error = $"公表年月「{date}」を読めません: {dateError}";
            return false;
        }

        published = month;
        return true;
    }

    [GeneratedRegex(@"(?<=月)\d{1,2}日$")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"^(?<word>[^()]*)\((?<date>[^()]*)\)$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?:令和|平成|[RH])(?:元|\d{1,2})[年./]\d{1,2}月?$|\d{4}[年./-]\d{1,2}月?$")]
    private static partial Regex TrailingDate();
}
