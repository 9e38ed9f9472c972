namespace Kansa.Pages.Staff;

/// <summary>What the staff pages share: times as Japan reads them (form problems: <see cref="Web.FormProblems"/>).</summary>
public static class StaffPage
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>2025-11-26 22:10 in Japan time (no daylight saving there, so a fixed offset is exact).</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(Japan).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today in Japan.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Japan).DateTime);
}
