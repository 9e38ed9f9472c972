using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kansa.Calendar;

/// <summary>
/// A calendar month such as 2025-08, read from and written to the forms Japanese documents use
/// (令和7年8月, R7.8, 2025年8月, 2025-08). Era arithmetic is delegated to <see cref="JapaneseCalendar"/>.
/// </summary>
public readonly partial record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    private static readonly JapaneseCalendar Japanese = new();

    /// <summary>Sortable integer form (yyyymm), used for storage.</summary>
    public int Number => (Year * 100) + Month;

    /// <summary>Creates a month from its yyyymm form.</summary>
    public static YearMonth FromNumber(int number) => new(number / 100, number % 100);

    /// <summary>The month containing a date.</summary>
    public static YearMonth FromDate(DateTimeOffset date) => new(date.Year, date.Month);

    /// <summary>The fiscal year (年度, April to March) this month belongs to.</summary>
    public int FiscalYear => Month >= 4 ? Year : Year - 1;

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Number.CompareTo(other.Number);

    /// <summary>Compares two months.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Number < b.Number;

    /// <summary>Compares two months.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Number > b.Number;

    /// <summary>Compares two months.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Number <= b.Number;

    /// <summary>Compares two months.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Number >= b.Number;

    /// <summary>ISO form, 2025-08.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>和暦 form, 令和7年8月 (令和元年5月 for the first year of an era).</summary>
    public string ToWareki() => $"{Era.Name}{EraYearLabel}年{Month}月";

    /// <summary>The era year as written, 元 for the first year.</summary>
    public string EraYearLabel => EraYear == 1 ? "元" : EraYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>The short form used in status columns, R7.8.</summary>
    public string ToShortWareki() => $"{Era.Letter}{EraYear}.{Month}";

    /// <summary>The era this month falls in.</summary>
    public JapaneseEra Era => JapaneseEra.FromCalendarEra(Japanese.GetEra(new DateTime(Year, Month, 1)));

    /// <summary>The year within the era (1 for 元年).</summary>
    public int EraYear => Japanese.GetYear(new DateTime(Year, Month, 1));

    /// <summary>Reads ISO (2025-08) only: the form of data files and query strings.</summary>
    public static bool TryParseIso(string? text, out YearMonth value)
    {
        value = default;
        var m = IsoPattern().Match(text?.Trim() ?? "");
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    /// <summary>
    /// Reads a month as Japanese documents write it: 令和7年8月, 令和元年5月, R7.8, H31.4, 2025年8月,
    /// 2025-08 or 2025.8, with full-width digits and stray spaces. Returns a Japanese reason on failure.
    /// </summary>
    public static bool TryParse(string? text, out YearMonth value, out string? error)
    {
        value = default;
        error = null;
        var s = Compact(text);
        if (s.Length == 0)
        {
            error = "年月が空です";
            return false;
        }

        var era = EraPattern().Match(s);
        if (era.Success)
        {
            var name = era.Groups["era"].Value;
            var yearText = era.Groups["year"].Value;
            var eraYear = yearText == "元" ? 1 : int.Parse(yearText, CultureInfo.InvariantCulture);
            var month = int.Parse(era.Groups["month"].Value, CultureInfo.InvariantCulture);
            var known = JapaneseEra.Find(name);
            if (known is null)
            {
                error = $"元号「{name}」を読めません";
                return false;
            }

            return known.TryToYearMonth(eraYear, month, out value, out error);
        }

        var western = WesternPattern().Match(s);
        if (western.Success)
        {
            var year = int.Parse(western.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(western.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = $"月「{month}」は 1〜12 ではありません";
                return false;
            }

            value = new YearMonth(year, month);
            return true;
        }

        error = $"「{text?.Trim()}」を年月として読めません (例: R7.8、令和7年8月、2025年8月)";
        return false;
    }

    /// <summary>Reads a month or throws <see cref="FormatException"/>: for trusted input such as tests and sample data.</summary>
    public static YearMonth Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new FormatException(error);

    /// <summary>NFKC-folds and removes all white space, so 「令和 ７年 ８月」 reads as 令和7年8月.</summary>
    internal static string Compact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|大正|明治|[RHSTMrhstm])(?<year>元|[0-9]{1,2})(?:年|\.|/|-)(?<month>[0-9]{1,2})月?$")]
    private static partial Regex EraPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:年|\.|/|-)(?<month>[0-9]{1,2})月?$")]
    private static partial Regex WesternPattern();
}
