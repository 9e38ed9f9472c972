using Kansa.Status;

namespace Kansa.Responses;

/// <summary>
/// A department's response to a finding, from draft to publication. Its current text lives here;
/// every step (and every edit) is also kept as a <see cref="ResponseStep"/>, so nothing is lost.
/// </summary>
public sealed class Response
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The finding answered.</summary>
    public int FindingId { get; set; }

    /// <summary>The request it answers, if any.</summary>
    public int? RequestId { get; set; }

    /// <summary>The status word from the audit kind's vocabulary: 措置済, 検討中 ….</summary>
    public required string Word { get; set; }

    /// <summary>The state the word maps to.</summary>
    public StatusState State { get; set; }

    /// <summary>The measure taken, plain text.</summary>
    public required string Content { get; set; }

    /// <summary>Workflow stage.</summary>
    public ResponseStage Stage { get; set; }

    /// <summary>The round that published it.</summary>
    public int? RoundId { get; set; }

    /// <summary>Who started it (user:LOGIN).</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Changes on every edit; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Every step, in order.</summary>
    public List<ResponseStep> Steps { get; set; } = [];
}
