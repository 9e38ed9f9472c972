
namespace Kansa.Status;

/// <summary>
/// One word the coordinator chose for editors of a category (指摘 措置済). A category without rows offers its
/// canonical words (<see cref="EditorWords"/>); imports keep accepting every mapped word regardless.
/// </summary>
public sealed class StatusWordChoice
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The category whose editors may pick the word.</summary>
    public FindingCategory Category { get; set; }

    /// <summary>The word, normalized as in <see cref="StatusTerm.Word"/>.</summary>
    public required string Word { get; set; }
}
