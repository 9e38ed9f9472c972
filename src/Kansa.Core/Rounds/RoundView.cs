using Kansa.Calendar;

namespace Kansa.Rounds;

/// <summary>A publication round as pages and the API show it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="AsOf">The month it publishes as of.</param>
/// <param name="IsPublished">Whether it is published (frozen).</param>
/// <param name="OpenedBy">Who opened it.</param>
/// <param name="OpenedAt">When.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Responses">Responses it published, or that wait for it while it is open.</param>
public sealed record RoundView(int Id, YearMonth AsOf, bool IsPublished, string OpenedBy, DateTimeOffset OpenedAt, string? PublishedBy, DateTimeOffset? PublishedAt, int Responses)
{
    /// <summary>Whether it was cancelled before publication.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Who cancelled it.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Why.</summary>
    public string? CancelReason { get; init; }

    /// <summary>Whether it is still open: neither published nor cancelled.</summary>
    public bool IsOpen => !IsPublished && !IsCancelled;

    /// <summary>公表済, 取消し or 準備中.</summary>
    public string StateLabel => IsPublished ? "公表済" : IsCancelled ? "取消し" : "準備中";

    /// <summary>令和7年11月現在.</summary>
    public string Label => AsOf.ToWareki() + Glossary.AsOf;

    /// <summary>The view of a round.</summary>
    public static RoundView From(PublicationRound r, int responses) =>
        new(r.Id, r.AsOf, r.IsPublished, r.OpenedBy, r.OpenedAt, r.PublishedBy, r.PublishedAt, responses)
        {
            IsCancelled = r.IsCancelled,
            CancelledBy = r.CancelledBy,
            CancelledAt = r.CancelledAt,
            CancelReason = r.CancelReason,
        };
}
