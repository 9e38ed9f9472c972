using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Responses;

namespace Kansa.Tests.Calendar;

public class YearMonthTests
{
    [Theory]
    [InlineData("R7.8", 2025, 8)]
    [InlineData("R 7. 8", 2025, 8)]
    [InlineData("令和7年8月", 2025, 8)]
    [InlineData("令和 7年 8月", 2025, 8)]
    [InlineData("令和７年８月", 2025, 8)]
    [InlineData("Ｒ７．８", 2025, 8)]
    [InlineData("令和元年5月", 2019, 5)]
    [InlineData("令和1年5月", 2019, 5)]
    [InlineData("R1.5", 2019, 5)]
    [InlineData("平成31年4月", 2019, 4)]
    [InlineData("H31.4", 2019, 4)]
    [InlineData("平成元年1月", 1989, 1)]
    [InlineData("昭和64年1月", 1989, 1)]
    [InlineData("2025年8月", 2025, 8)]
    [InlineData("２０２５年８月", 2025, 8)]
    [InlineData("2025-08", 2025, 8)]
    [InlineData("2025.8", 2025, 8)]
    public void Reads_the_forms_documents_use(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var value, out var error), error);
        Assert.Equal(new YearMonth(year, month), value);
    }

    [Theory]
    [InlineData("R6.13")]
    [InlineData("R6.0")]
    [InlineData("令和6年13月")]
    [InlineData("平成32年1月")]
    [InlineData("平成31年5月")]
    [InlineData("令和元年4月")]
    [InlineData("X7.8")]
    [InlineData("7月")]
    [InlineData("")]
    public void Refuses_months_that_do_not_exist(string text)
    {
        Assert.False(YearMonth.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData(2025, 8, "令和7年8月", "R7.8")]
    [InlineData(2019, 5, "令和元年5月", "R1.5")]
    [InlineData(2019, 4, "平成31年4月", "H31.4")]
    [InlineData(1989, 1, "昭和64年1月", "S64.1")]
    public void Writes_wareki(int year, int month, string wareki, string shortForm)
    {
        var ym = new YearMonth(year, month);
        Assert.Equal(wareki, ym.ToWareki());
        Assert.Equal(shortForm, ym.ToShortWareki());
        Assert.Equal(ym, YearMonth.Parse(wareki));
        Assert.Equal($"{year:D4}-{month:D2}", ym.ToString());
    }

    [Theory]
    [InlineData(2023, "令和5年度", "R5")]
    [InlineData(2019, "令和元年度", "R1")]
    [InlineData(2018, "平成30年度", "H30")]
    public void Labels_fiscal_years(int fiscalYear, string label, string shortLabel)
    {
        Assert.Equal(label, FiscalYears.Label(fiscalYear));
        Assert.Equal(shortLabel, FiscalYears.ShortLabel(fiscalYear));
    }

    [Fact]
    public void Orders_by_month()
    {
        Assert.True(new YearMonth(2024, 12) < new YearMonth(2025, 1));
        Assert.Equal(202501, new YearMonth(2025, 1).Number);
        Assert.Equal(new YearMonth(2025, 1), YearMonth.FromNumber(202501));
        Assert.Equal(2024, new YearMonth(2025, 3).FiscalYear);
        Assert.Equal(2025, new YearMonth(2025, 4).FiscalYear);
    }
}
