using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;

namespace Kansa.Tests.Calendar;

/// <summary>Issue 7 item 2: every month and date Kansa accepts is one it can show, and reading never throws.</summary>
public class CalendarRangeTests
{
    [Theory]
    [InlineData("1868-10", true)]
    [InlineData("2999-12", true)]
    [InlineData("1868-09", false)]
    [InlineData("1800-01", false)]
    [InlineData("0226-01", false)]
    [InlineData("3000-01", false)]
    [InlineData("9999-12", false)]
    [InlineData("٢٠٢٥-٠٨", false)]
    [InlineData("２０２５-０８", false)]
    [InlineData("2025-00", false)]
    public void Iso_months_are_read_only_within_the_range_and_in_ASCII_digits(string text, bool accepted)
    {
        Assert.Equal(accepted, YearMonth.TryParseIso(text, out var month, out var error));
        Assert.Equal(accepted, error is null);
        if (accepted)
        {
            Assert.True(month.IsInRange);
            Assert.False(string.IsNullOrEmpty(month.ToWareki()));
        }
    }

    [Theory]
    [InlineData("明治元年10月", true)]
    [InlineData("M1.10", true)]
    [InlineData("明治元年9月", false)]
    [InlineData("1800年1月", false)]
    [InlineData("R٧.٨", false)]
    [InlineData("\uFFFE", false)]
    [InlineData("R7.8\0", false)]
    public void Documents_forms_never_throw_and_stay_in_range(string text, bool accepted)
    {
        Assert.Equal(accepted, YearMonth.TryParse(text, out var month, out var error));
        Assert.Equal(!accepted, error is not null);
        Assert.True(!accepted || month.IsInRange);
    }

    [Theory]
    [InlineData("2025-12-01", true)]
    [InlineData("1868-10-01", true)]
    [InlineData("2999-12-31", true)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("1868-09-30", false)]
    [InlineData("2025-02-30", false)]
    [InlineData("٢٠٢٥-١٠-٣١", false)]
    [InlineData("2025-1-1", false)]
    public void Dates_are_read_only_within_the_range(string text, bool accepted) =>
        Assert.Equal(accepted, YearMonth.TryParseIsoDate(text, out _, out _));

    [Fact]
    public void A_month_out_of_range_is_shown_in_ISO_rather_than_failing()
    {
        Assert.Equal("1800-01", YearMonth.FromNumber(180001).ToWareki());
        Assert.Equal("9999-12", YearMonth.FromNumber(999912).ToShortWareki());
        Assert.Equal("1500年度", FiscalYears.Label(1500));
        Assert.Equal("1500", FiscalYears.ShortLabel(1500));
    }

    [Theory]
    [InlineData("P٤٥")]
    [InlineData("P99999999999")]
    [InlineData("P1~99999999999")]
    public void Report_pages_that_cannot_be_read_are_not_a_crash(string text) =>
        Assert.Null(ReportPages.Parse(text)!.From);

    [Theory]
    [InlineData("a\0b", false)]
    [InlineData("\uFFFE", false)]
    [InlineData("x\U0001FFFE", false)]
    [InlineData("措置済\n\tです", true)]
    [InlineData("𠮷野家", true)]
    public void Text_limits_refuse_characters_no_database_or_page_can_hold(string text, bool accepted) =>
        Assert.Equal(accepted, TextLimits.Check("f", "欄", text, 100) is null);

    [Fact]
    public void A_lone_surrogate_is_refused_and_never_throws()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate (it would become U+FFFD).
        var lone = new string([(char)0xD800, 'x']);
        Assert.NotNull(TextLimits.Check("f", "欄", lone, 100));
        Assert.False(YearMonth.TryParse(lone, out _, out _));
        Assert.False(YearMonth.TryParseIso(lone, out _));
    }

    [Fact]
    public void Text_limits_name_the_field_and_the_limit()
    {
        var problem = TextLimits.Check("title", "件名", new string('あ', TextLimits.Title + 1), TextLimits.Title);
        Assert.Equal("title", problem!.Field);
        Assert.Contains("1,000文字以内", problem.Message, StringComparison.Ordinal);
    }
}
