using Kansa.Calendar;

namespace Kansa.Rounds;

/// <summary>A publication round (「令和7年11月現在」): opened, previewed, then published and frozen.</summary>
public sealed class PublicationRound
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The month the round publishes as of; also the publication month of its responses.</summary>
    public YearMonth AsOf { get; set; }

    /// <summary>Whether it is published.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Who opened it.</summary>
    public required string OpenedBy { get; set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Who published it.</summary>
    public string? PublishedBy { get; set; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// Whether it was cancelled before publication. A cancelled round stays in the list with its reason (nothing is
    /// deleted), no longer counts as the open round, and can never be published.
    /// </summary>
    public bool IsCancelled { get; set; }

    /// <summary>Who cancelled it.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Why it was cancelled (required when cancelling).</summary>
    public string? CancelReason { get; set; }
}
