using System.Globalization;

namespace Kansa.Calendar;

/// <summary>
/// A Japanese era (元号) as .NET's <see cref="JapaneseCalendar"/> knows it, with the one-letter
/// abbreviation (R, H, S, T, M) that .NET does not read by itself.
/// </summary>
public sealed class JapaneseEra
{
    private static readonly JapaneseCalendar Calendar = new();

    private static readonly DateTimeFormatInfo Format = CreateFormat();

    // The romanized initials are a convention of Japanese documents, not of the calendar, so they are ours.
    private static readonly Dictionary<string, char> Letters = new(StringComparer.Ordinal)
    {
        ["令和"] = 'R', ["平成"] = 'H', ["昭和"] = 'S', ["大正"] = 'T', ["明治"] = 'M',
    };

    private JapaneseEra(int calendarEra, string name, char letter)
    {
        CalendarEra = calendarEra;
        Name = name;
        Letter = letter;
    }

    /// <summary>The era number used by <see cref="JapaneseCalendar"/>.</summary>
    public int CalendarEra { get; }

    /// <summary>The era name, 令和.</summary>
    public string Name { get; }

    /// <summary>The initial used in short dates, R.</summary>
    public char Letter { get; }

    /// <summary>Finds an era by name (令和) or initial (R, r).</summary>
    public static JapaneseEra? Find(string nameOrLetter)
    {
        var name = nameOrLetter.Length == 1
            ? Letters.FirstOrDefault(p => p.Value == char.ToUpperInvariant(nameOrLetter[0])).Key
            : nameOrLetter;
        if (name is null || !Letters.TryGetValue(name, out var letter))
        {
            return null;
        }

        var era = Format.GetEra(name);
        return era < 0 ? null : new JapaneseEra(era, name, letter);
    }

    /// <summary>The era of a <see cref="JapaneseCalendar"/> era number.</summary>
    public static JapaneseEra FromCalendarEra(int calendarEra)
    {
        var name = Format.GetEraName(calendarEra);
        return new JapaneseEra(calendarEra, name, Letters.GetValueOrDefault(name, '?'));
    }

    /// <summary>
    /// Converts an era year and month to a calendar month, refusing months outside the era
    /// (平成32年, 令和元年4月) that the calendar itself would accept.
    /// </summary>
    public bool TryToYearMonth(int eraYear, int month, out YearMonth value, out string? error)
    {
        value = default;
        error = null;
        if (month is < 1 or > 12)
        {
            error = $"月「{month}」は 1〜12 ではありません";
            return false;
        }

        // An era may start mid-month (平成 on 1989-01-08): the month belongs to the era if any of its days does.
        foreach (var day in (int[])[1, 28, 29, 30, 31])
        {
            DateTime date;
            try
            {
                date = Calendar.ToDateTime(eraYear, month, day, 0, 0, 0, 0, CalendarEra);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }

            if (Calendar.GetEra(date) == CalendarEra && Calendar.GetYear(date) == eraYear && date.Month == month)
            {
                value = new YearMonth(date.Year, date.Month);
                return true;
            }
        }

        error = $"{Name}{(eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture))}年{month}月は存在しません (元号の範囲外です)";
        return false;
    }

    /// <summary>The calendar year of an era year, for fiscal years written 令和5年度.</summary>
    public bool TryToYear(int eraYear, out int year, out string? error)
    {
        // A fiscal year starts in April: the era must cover April or later months of that year.
        foreach (var month in (int[])[4, 12, 1])
        {
            if (TryToYearMonth(eraYear, month, out var ym, out _))
            {
                year = ym.Year;
                error = null;
                return true;
            }
        }

        year = 0;
        error = $"{Name}{eraYear}年は存在しません";
        return false;
    }

    private static DateTimeFormatInfo CreateFormat()
    {
        var format = (DateTimeFormatInfo)new CultureInfo("ja-JP").DateTimeFormat.Clone();
        format.Calendar = Calendar;
        return format;
    }
}
