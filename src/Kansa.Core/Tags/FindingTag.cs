using Kansa.Findings;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tags;

/// <summary>
/// A tag (タグ) a coordinator set on a finding: a short word (再委託, パスワード, 契約書) that gathers findings of any audit
/// and year under one public page. Added and removed as rows, so the change log records each as a line of its own.
/// </summary>
public sealed class FindingTag
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The finding.</summary>
    public int FindingId { get; set; }

    /// <summary>The finding.</summary>
    public Finding? Finding { get; set; }

    /// <summary>The tag, as <see cref="TagName.Normalize"/> made it (trimmed, NFKC).</summary>
    public required string Name { get; set; }
}

/// <summary>The tags' part of the model.</summary>
public static class TagModel
{
    /// <summary>One tag per name and finding; findings by tag for the tag's page.</summary>
    public static void ConfigureTags(this ModelBuilder builder) => builder.Entity<FindingTag>(e =>
    {
        e.HasIndex(t => new { t.FindingId, t.Name }).IsUnique();
        e.HasIndex(t => t.Name);
        e.Property(t => t.Name).HasMaxLength(TextLimits.Tag);
        e.HasOne(t => t.Finding).WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Cascade);
    });
}
