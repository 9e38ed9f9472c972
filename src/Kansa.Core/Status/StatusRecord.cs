using Kansa.Calendar;

namespace Kansa.Status;

/// <summary>
/// One dated status of a finding as a document published it. Records are only ever added:
/// the status at any month is computed from them (<see cref="StatusTimeline"/>).
/// </summary>
public sealed class StatusRecord
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The finding.</summary>
    public int FindingId { get; set; }

    /// <summary>The city's own word: 措置済, 対応済み, 検討中 ….</summary>
    public required string Word { get; set; }

    /// <summary>The canonical state the word maps to.</summary>
    public StatusState State { get; set; }

    /// <summary>Publication month (公表年月) as the document gave it.</summary>
    public YearMonth? Published { get; set; }

    /// <summary>The measure taken (措置(対応)の内容) as plain text.</summary>
    public string? Response { get; set; }

    /// <summary>The 〜現在 month of the document the record was read from.</summary>
    public YearMonth AsOf { get; set; }

    /// <summary>Where the record came from (file name).</summary>
    public required string Source { get; set; }

    /// <summary>The response this record publishes, when it came from Kansa's own workflow.</summary>
    public int? ResponseId { get; set; }

    /// <summary>Why this record corrects an earlier published one (訂正); null for a normal record.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>Who recorded it (user:LOGIN, cli:…); null for imports made before accounts existed.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>When Kansa stored it.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The month from which this record describes the finding: its publication month, else the document's month.</summary>
    public YearMonth EffectiveFrom => Published ?? AsOf;
}
