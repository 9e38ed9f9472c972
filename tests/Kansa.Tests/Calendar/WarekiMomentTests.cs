using Kansa.Calendar;

namespace Kansa.Tests.Calendar;

/// <summary>The one style of moments on staff pages: 令和8年1月15日 10:00, in Japan time.</summary>
public class WarekiMomentTests
{
    [Theory]
    [InlineData("2026-01-15T01:00:00Z", "令和8年1月15日 10:00")]
    [InlineData("2026-01-15T10:00:00+09:00", "令和8年1月15日 10:00")]
    [InlineData("2019-04-30T15:00:00Z", "令和元年5月1日 00:00")] // the first minute of 令和 in Japan is still April in UTC
    [InlineData("2019-04-30T14:59:00Z", "平成31年4月30日 23:59")]
    [InlineData("1989-01-07T03:00:00Z", "昭和64年1月7日 12:00")]
    [InlineData("2026-12-31T20:30:00Z", "令和9年1月1日 05:30")]
    public void A_moment_is_written_in_wareki_in_Japan_time(string iso, string expected)
    {
        var at = DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, WarekiDate.FormatMoment(at));
        Assert.Equal(expected, WarekiDate.FormatMoment(iso));
    }

    [Fact]
    public void Text_that_is_not_a_moment_stays_as_it_is()
    {
        Assert.Equal("(不明)", WarekiDate.FormatMoment("(不明)"));
    }
}
