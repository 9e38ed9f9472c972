using System.Globalization;

namespace Kansa.Calendar;

/// <summary>A day written as Japanese documents write it: 令和8年1月15日 (元年 for the first year of an era).</summary>
public static class WarekiDate
{
    private static readonly JapaneseCalendar Japanese = new();

    /// <summary>
    /// The day in 和暦. The era is taken from the day itself, not its month: 1989-01-07 is 昭和64年, 1989-01-08 平成元年.
    /// Days outside the range Kansa accepts are written in ISO form.
    /// </summary>
    public static string Format(DateOnly day)
    {
        if (!YearMonth.IsDateInRange(day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var date = day.ToDateTime(TimeOnly.MinValue);
        var era = JapaneseEra.FromCalendarEra(Japanese.GetEra(date));
        var year = Japanese.GetYear(date);
        return $"{era.Name}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年{day.Month}月{day.Day}日";
    }

    /// <summary>
    /// A moment as staff pages write it: 令和8年1月15日 10:00, in Japan time (Asia/Tokyo). The one style for every time a
    /// staff page shows, so that neighbouring pages never mix ISO, 西暦 and 和暦.
    /// </summary>
    public static string FormatMoment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, YearMonth.JapanTime);
        return $"{Format(DateOnly.FromDateTime(local.DateTime))} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A moment stored as ISO 8601 text (a sheet's hidden cell) in the same style; other text as it is.</summary>
    public static string FormatMoment(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? FormatMoment(at) : text;

    /// <summary>The day in Japan (UTC+9) of an instant.</summary>
    public static DateOnly DayInJapan(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, YearMonth.JapanTime).DateTime);
}
