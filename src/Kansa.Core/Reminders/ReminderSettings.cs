namespace Kansa.Reminders;

/// <summary>When reminders go out (section <c>Kansa:Reminders</c>).</summary>
public sealed class ReminderSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kansa:Reminders";

    /// <summary>How many days before the due date the due-soon notice goes out.</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>How often the background job looks for notices to send.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether the web app runs the background job (a second instance may leave it on: each notice is claimed once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time zone in which due dates are days (the city's).</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Today in the city's time zone.</summary>
    public DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
