namespace Kansa.Pages.Staff;

/// <summary>What the staff pages share: times as Japan reads them (form problems: <see cref="FormProblems"/>).</summary>
public static class StaffPage
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>令和7年11月26日 22:10 in Japan time: the one style of every moment on staff pages.</summary>
    public static string Time(DateTimeOffset at) => Calendar.WarekiDate.FormatMoment(at);

    /// <summary>令和7年11月26日: the one style of every day on staff pages.</summary>
    public static string Day(DateOnly day) => Calendar.WarekiDate.Format(day);

    /// <summary>Today in Japan.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Japan).DateTime);
}
