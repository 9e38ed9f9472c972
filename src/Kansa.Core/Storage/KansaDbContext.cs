using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Storage;

/// <summary>The database of audits, findings and their status history, on SQLite or PostgreSQL.</summary>
public sealed class KansaDbContext(DbContextOptions<KansaDbContext> options) : DbContext(options)
{
    /// <summary>Audits.</summary>
    public DbSet<Audit> Audits => Set<Audit>();

    /// <summary>Findings and opinions.</summary>
    public DbSet<Finding> Findings => Set<Finding>();

    /// <summary>Responsible departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Status records, append-only.</summary>
    public DbSet<StatusRecord> StatusRecords => Set<StatusRecord>();

    /// <summary>The status vocabulary.</summary>
    public DbSet<StatusTerm> StatusTerms => Set<StatusTerm>();

    /// <summary>Loads the vocabulary of this database.</summary>
    public async Task<StatusVocabulary> LoadVocabularyAsync(CancellationToken ct) =>
        new(await StatusTerms.AsNoTracking().ToListAsync(ct));

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<YearMonth>().HaveConversion<YearMonthConverter>();
        configurationBuilder.Properties<FindingCategory>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StatusState>().HaveConversion<string>().HaveMaxLength(24);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Audit>(e =>
        {
            e.HasIndex(a => a.Key).IsUnique();
            e.Property(a => a.Key).HasMaxLength(200);
            e.Property(a => a.Kind).HasMaxLength(100);
            e.Property(a => a.DocumentKind).HasMaxLength(200);
        });

        modelBuilder.Entity<Finding>(e =>
        {
            e.HasIndex(f => new { f.AuditId, f.Number }).IsUnique();
            e.HasIndex(f => f.Number);
            e.Property(f => f.Number).HasMaxLength(100);
            e.Property(f => f.ReportPages).HasMaxLength(100);
            e.HasOne(f => f.Audit).WithMany(a => a.Findings).HasForeignKey(f => f.AuditId);
        });

        modelBuilder.Entity<FindingDepartment>(e =>
        {
            e.HasKey(fd => new { fd.FindingId, fd.DepartmentId });
            e.HasOne<Finding>().WithMany(f => f.Departments).HasForeignKey(fd => fd.FindingId);
            e.HasOne(fd => fd.Department).WithMany().HasForeignKey(fd => fd.DepartmentId);
        });

        modelBuilder.Entity<Department>(e =>
        {
            e.HasIndex(d => d.Name).IsUnique();
            e.Property(d => d.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<StatusRecord>(e =>
        {
            e.HasOne<Finding>().WithMany(f => f.StatusRecords).HasForeignKey(r => r.FindingId);
            e.HasIndex(r => r.FindingId);
            e.Property(r => r.Word).HasMaxLength(100);
            e.Property(r => r.Source).HasMaxLength(500);
            e.Ignore(r => r.EffectiveFrom);
        });

        modelBuilder.Entity<StatusTerm>(e =>
        {
            e.Property(t => t.Word).HasMaxLength(100);
            e.Property(t => t.AuditKind).HasMaxLength(100);
            e.HasData(StatusVocabulary.Defaults);
        });
    }
}
