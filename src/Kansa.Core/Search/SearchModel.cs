using Microsoft.EntityFrameworkCore;

namespace Kansa.Search;

/// <summary>The search table in the model; the engines' own indexes over it are made by the migration named Search.</summary>
public static class SearchModel
{
    /// <summary>The FTS5 table (SQLite) that mirrors <see cref="SearchDocument"/> with the trigram tokenizer.</summary>
    public const string FtsTable = "SearchFts";

    /// <summary>Adds <see cref="SearchDocument"/> to the model.</summary>
    public static void ConfigureSearch(this ModelBuilder builder) => builder.Entity<SearchDocument>(e =>
    {
        e.ToTable("SearchDocuments");
        e.HasKey(d => d.FindingId);
        e.Property(d => d.FindingId).ValueGeneratedNever();
        e.HasOne(d => d.Finding).WithOne().HasForeignKey<SearchDocument>(d => d.FindingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => d.State);
        e.HasIndex(d => d.Published);
    });
}
