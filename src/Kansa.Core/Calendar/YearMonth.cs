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

    /// <summary>
    /// The first month Kansa accepts: 明治元年10月 (1868-10), the first whole month .NET's <see cref="JapaneseCalendar"/>
    /// can name (明治 starts there on 1868-09-08). A month before it could be stored but never shown in 和暦.
    /// </summary>
    public static readonly YearMonth MinValue = new(1868, 10);

    /// <summary>
    /// The last month Kansa accepts: 2999-12. Audit follow-up looks back and a few years ahead; a far-future month
    /// is a typing error, and one published would block every later round.
    /// </summary>
    public static readonly YearMonth MaxValue = new(2999, 12);

    /// <summary>The first day Kansa accepts (dates such as due dates and log filters): the first day of <see cref="MinValue"/>.</summary>
    public static readonly DateOnly MinDate = new(1868, 10, 1);

    /// <summary>The last day Kansa accepts: the last day of <see cref="MaxValue"/>.</summary>
    public static readonly DateOnly MaxDate = new(2999, 12, 31);

    /// <summary>The accepted range in words, for messages: 1868-10〜2999-12.</summary>
    public static string RangeText => $"{MinValue}〜{MaxValue}";

    /// <summary>Whether this month is a real month within <see cref="MinValue"/>..<see cref="MaxValue"/>: one Kansa can show.</summary>
    public bool IsInRange => Month is >= 1 and <= 12 && this >= MinValue && this <= MaxValue;

    /// <summary>Whether a day lies within <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static bool IsDateInRange(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>A month from its year and month numbers, refused (with a Japanese reason) outside the accepted range.</summary>
    public static bool TryCreate(int year, int month, out YearMonth value, out string? error)
    {
        value = default;
        if (month is < 1 or > 12)
        {
            error = $"月「{month}」は 1〜12 ではありません";
            return false;
        }

        var candidate = new YearMonth(year, month);
        if (!candidate.IsInRange)
        {
            error = $"{candidate} は扱える範囲 ({RangeText}) の外です";
            return false;
        }

        value = candidate;
        error = null;
        return true;
    }

    /// <summary>Sortable integer form (yyyymm), used for storage.</summary>
    public int Number => (Year * 100) + Month;

    /// <summary>Creates a month from its yyyymm form.</summary>
    public static YearMonth FromNumber(int number) => new(number / 100, number % 100);

    /// <summary>The month containing a date.</summary>
    public static YearMonth FromDate(DateTimeOffset date) => new(date.Year, date.Month);

    /// <summary>The current month in Japan (Asia/Tokyo), the calendar of every month Kansa records.</summary>
    public static YearMonth CurrentInJapan(TimeProvider time) =>
        FromDate(TimeZoneInfo.ConvertTime(time.GetUtcNow(), JapanTime));

    /// <summary>Japan's time zone.</summary>
    public static TimeZoneInfo JapanTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

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
    public override string ToString() => Year is >= 0 and <= 9999 && Month is >= 1 and <= 12
        ? $"{Year:D4}-{Month:D2}"
        : $"{Year.ToString(CultureInfo.InvariantCulture)}-{Month.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>和暦 form, 令和7年8月 (令和元年5月 for the first year of an era).</summary>
    /// <remarks>A month outside the accepted range (an old database may hold one) is shown in ISO form rather than failing.</remarks>
    public string ToWareki() => IsInRange ? $"{Era.Name}{EraYearLabel}年{Month}月" : ToString();

    /// <summary>The era year as written, 元 for the first year.</summary>
    public string EraYearLabel => EraYear == 1 ? "元" : EraYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>The short form used in status columns, R7.8.</summary>
    /// <remarks>ISO form for a month outside the accepted range, like <see cref="ToWareki"/>.</remarks>
    public string ToShortWareki() => IsInRange ? $"{Era.Letter}{EraYear}.{Month}" : ToString();

    /// <summary>The era this month falls in (only for months <see cref="IsInRange"/>: others have none).</summary>
    public JapaneseEra Era => JapaneseEra.FromCalendarEra(Japanese.GetEra(new DateTime(Year, Month, 1)));

    /// <summary>The year within the era (1 for 元年).</summary>
    public int EraYear => Japanese.GetYear(new DateTime(Year, Month, 1));

    /// <summary>Reads ISO (2025-08, ASCII digits) only: the form of data files and query strings. Never throws.</summary>
    public static bool TryParseIso(string? text, out YearMonth value) => TryParseIso(text, out value, out _);

    /// <summary>Reads ISO (2025-08) within the accepted range, with a Japanese reason on failure. Never throws.</summary>
    public static bool TryParseIso(string? text, out YearMonth value, out string? error)
    {
        value = default;
        var m = IsoPattern().Match(text?.Trim() ?? "");
        if (!m.Success)
        {
            error = "年月は 2025-04 のように YYYY-MM (半角数字) で書いてください";
            return false;
        }

        // At most 4 + 2 ASCII digits: int.Parse cannot fail or overflow here.
        var year = int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return TryCreate(year, month, out value, out error);
    }

    /// <summary>Reads a day written YYYY-MM-DD (ASCII digits) within <see cref="MinDate"/>..<see cref="MaxDate"/>. Never throws.</summary>
    public static bool TryParseIsoDate(string? text, out DateOnly value, out string? error)
    {
        value = default;
        var s = text?.Trim() ?? "";
        if (!IsoDatePattern().IsMatch(s)
            || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = "日付は 2025-12-01 のように YYYY-MM-DD (半角数字、実在する日) で書いてください";
            return false;
        }

        if (!IsDateInRange(day))
        {
            error = $"{s} は扱える範囲 ({MinDate:yyyy-MM-dd}〜{MaxDate:yyyy-MM-dd}) の外です";
            return false;
        }

        value = day;
        error = null;
        return true;
    }

    /// <summary>Why a day is refused (outside <see cref="MinDate"/>..<see cref="MaxDate"/>), or null: for dates that arrive already typed.</summary>
    public static string? DateRangeError(DateOnly day) =>
        IsDateInRange(day) ? null : $"{day:yyyy-MM-dd} は扱える範囲 ({MinDate:yyyy-MM-dd}〜{MaxDate:yyyy-MM-dd}) の外です";

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
            var eraYear = yearText == "元" ? 1 : int.Parse(yearText, NumberStyles.None, CultureInfo.InvariantCulture);
            var month = int.Parse(era.Groups["month"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var known = JapaneseEra.Find(name);
            if (known is null)
            {
                error = $"元号「{name}」を読めません";
                return false;
            }

            if (!known.TryToYearMonth(eraYear, month, out value, out error))
            {
                return false;
            }

            // 明治元年9月 exists but is only partly in 明治 as .NET knows it: refuse what could not be shown.
            return TryCreate(value.Year, value.Month, out value, out error);
        }

        var western = WesternPattern().Match(s);
        if (western.Success)
        {
            var year = int.Parse(western.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var month = int.Parse(western.Groups["month"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            return TryCreate(year, month, out value, out error);
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

        string folded;
        try
        {
            folded = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate or a noncharacter (U+FFFE) cannot be normalized: such text is no month (TryParse never throws).
            return "\uFFFD";
        }

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

    // [0-9], never \d: \d also matches Arabic-Indic and other digits that int.Parse then refuses.
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|大正|明治|[RHSTMrhstm])(?<year>元|[0-9]{1,2})(?:年|\.|/|-)(?<month>[0-9]{1,2})月?$")]
    private static partial Regex EraPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:年|\.|/|-)(?<month>[0-9]{1,2})月?$")]
    private static partial Regex WesternPattern();
}
