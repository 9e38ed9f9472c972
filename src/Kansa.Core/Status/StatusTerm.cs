
namespace Kansa.Status;

/// <summary>
/// One entry of the status vocabulary: a word a city uses (措置済み) and the canonical state it means.
/// The vocabulary is data so that a city adds its own words without a new release.
/// </summary>
public sealed class StatusTerm
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The word, normalized (NFKC, no spaces).</summary>
    public required string Word { get; set; }

    /// <summary>The state it maps to.</summary>
    public StatusState State { get; set; }

    /// <summary>The category the word belongs to, or null for both.</summary>
    public FindingCategory? Category { get; set; }

    /// <summary>The audit kind the word belongs to, or null for every kind.</summary>
    public string? AuditKind { get; set; }

    /// <summary>Whether Kansa writes this word for its state and category in summaries.</summary>
    public bool IsCanonical { get; set; }
}
