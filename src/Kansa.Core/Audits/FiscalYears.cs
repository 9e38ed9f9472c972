using Kansa.Calendar;

namespace Kansa.Audits;

/// <summary>Labels of fiscal years (年度).</summary>
public static class FiscalYears
{
    /// <summary>令和5年度 for 2023: the era of the fiscal year's first month that belongs to an era's span, 令和元年度 for 2019.</summary>
    public static string Label(int fiscalYear)
    {
        // 2019 starts in 平成 but the city says 令和元年度: name a fiscal year by the era of its last month.
        if (!InRange(fiscalYear))
        {
            return $"{fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture)}年度";
        }

        var lastMonth = new YearMonth(fiscalYear + 1, 3);
        var firstMonth = new YearMonth(fiscalYear, 4);
        var month = lastMonth.Era.Name == firstMonth.Era.Name ? firstMonth : new YearMonth(fiscalYear, 12);
        return $"{month.Era.Name}{month.EraYearLabel}年度";
    }

    /// <summary>The short prefix of finding numbers: R5 for 2023.</summary>
    public static string ShortLabel(int fiscalYear)
    {
        var month = new YearMonth(fiscalYear, 12);
        return InRange(fiscalYear) ? $"{month.Era.Letter}{month.EraYear}" : fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // A fiscal year whose months the calendar cannot name (an old database may hold one) is shown as a western year.
    private static bool InRange(int fiscalYear) => new YearMonth(fiscalYear, 4).IsInRange && new YearMonth(fiscalYear + 1, 3).IsInRange;
}
