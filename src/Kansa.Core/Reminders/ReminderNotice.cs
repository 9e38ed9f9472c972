namespace Kansa.Reminders;

/// <summary>
/// A reminder claimed for sending. The unique key (request, kind, due date) makes the claim: of two app instances on one
/// database, only the one whose insert succeeds sends the mail. A moved due date is a new notice.
/// </summary>
public sealed class ReminderNotice
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The response request reminded of.</summary>
    public int RequestId { get; set; }

    /// <summary><see cref="ReminderKinds.DueSoon"/> or <see cref="ReminderKinds.Overdue"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The due date the notice is about.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>Which instance claimed it (machine and process), for diagnosis.</summary>
    public required string ClaimedBy { get; set; }

    /// <summary>The addresses it went to, separated by commas.</summary>
    public string? Recipients { get; set; }
}

/// <summary>The kinds of reminders.</summary>
public static class ReminderKinds
{
    /// <summary>The due date is near (期限が近づいています).</summary>
    public const string DueSoon = "due-soon";

    /// <summary>The due date has passed (期限を過ぎています).</summary>
    public const string Overdue = "overdue";

    /// <summary>Japanese label.</summary>
    public static string Label(string kind) => kind == Overdue ? "期限超過" : "期限間近";
}
