namespace Kansa.Responses;

/// <summary>The coordinator's request to a department for a response by a due date.</summary>
public sealed class ResponseRequest
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The finding.</summary>
    public int FindingId { get; set; }

    /// <summary>The due date in force.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>The due date first set; it stays visible when the date moves.</summary>
    public DateOnly OriginalDueDate { get; set; }

    /// <summary>A note for the department.</summary>
    public string? Note { get; set; }

    /// <summary>Who asked (user:LOGIN).</summary>
    public required string RequestedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Every move of the due date, with its reason.</summary>
    public List<DueDateChange> DueDateChanges { get; set; } = [];

    /// <summary>
    /// Whether an approved or published response answers a request: it is linked to it, or, unlinked (drafted before
    /// requests were linked), it was started after the request. The one rule behind reminders, the work list and the
    /// department sheets; in memory because SQLite stores <see cref="DateTimeOffset"/> as text.
    /// </summary>
    public static bool IsAnsweredBy(int requestId, DateTimeOffset requestedAt, int? responseRequestId, DateTimeOffset responseCreatedAt) =>
        responseRequestId == requestId || (responseRequestId is null && responseCreatedAt >= requestedAt);
}

/// <summary>A move of a due date, which needs a reason.</summary>
public sealed class DueDateChange
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The request.</summary>
    public int RequestId { get; set; }

    /// <summary>The date before.</summary>
    public DateOnly From { get; set; }

    /// <summary>The date after.</summary>
    public DateOnly To { get; set; }

    /// <summary>Why it moved.</summary>
    public required string Reason { get; set; }

    /// <summary>Who moved it.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
