namespace Kansa.Responses;

/// <summary>One dated step of a response by a named person: drafted, edited, submitted, approved, returned, published.</summary>
public sealed class ResponseStep
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The response.</summary>
    public int ResponseId { get; set; }

    /// <summary>drafted, edited, submitted, approved, returned, published, corrected.</summary>
    public required string Action { get; set; }

    /// <summary>Who (user:LOGIN).</summary>
    public required string By { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The approver's comment on a return, the reason of a correction.</summary>
    public string? Comment { get; set; }

    /// <summary>The status word at this step.</summary>
    public string? Word { get; set; }

    /// <summary>The text at this step.</summary>
    public string? Content { get; set; }
}
