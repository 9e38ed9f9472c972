using Kansa.Accounts;
using Kansa.Audits;
using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Evidence;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Rounds;
using Kansa.Search;
using Kansa.Status;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Storage;

/// <summary>The database of audits, findings and their status history, on SQLite or PostgreSQL.</summary>
public sealed class KansaDbContext(DbContextOptions<KansaDbContext> options) : IdentityDbContext<KansaUser>(options)
{
    /// <summary>Audits.</summary>
    public DbSet<Audit> Audits => Set<Audit>();

    /// <summary>Findings and opinions.</summary>
    public DbSet<Finding> Findings => Set<Finding>();

    /// <summary>Responsible departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Names departments had, with the month each starts.</summary>
    public DbSet<DepartmentName> DepartmentNames => Set<DepartmentName>();

    /// <summary>Status records, append-only.</summary>
    public DbSet<StatusRecord> StatusRecords => Set<StatusRecord>();

    /// <summary>The status vocabulary.</summary>
    public DbSet<StatusTerm> StatusTerms => Set<StatusTerm>();

    /// <summary>The words editors may pick, per category, as the coordinator chose them.</summary>
    public DbSet<StatusWordChoice> StatusWordChoices => Set<StatusWordChoice>();

    /// <summary>Departments of editors and approvers.</summary>
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();

    /// <summary>Personal API tokens (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The append-only change log.</summary>
    public DbSet<ChangeEntry> ChangeEntries => Set<ChangeEntry>();

    /// <summary>The data-protection key ring shared by the app instances.</summary>
    public DbSet<Instances.DataProtectionKeyRow> DataProtectionKeys => Set<Instances.DataProtectionKeyRow>();

    /// <summary>Sign-in attempts per client and minute, shared by the app instances.</summary>
    public DbSet<Instances.LoginThrottle> LoginThrottles => Set<Instances.LoginThrottle>();

    /// <summary>Departments' responses in the workflow.</summary>
    public DbSet<Response> Responses => Set<Response>();

    /// <summary>Steps of responses.</summary>
    public DbSet<ResponseStep> ResponseSteps => Set<ResponseStep>();

    /// <summary>Requests for responses with due dates.</summary>
    public DbSet<ResponseRequest> ResponseRequests => Set<ResponseRequest>();

    /// <summary>Publication rounds.</summary>
    public DbSet<PublicationRound> Rounds => Set<PublicationRound>();

    /// <summary>Evidence files attached to responses.</summary>
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    /// <summary>Reminders claimed for sending, one per request, kind and due date.</summary>
    public DbSet<Reminders.ReminderNotice> ReminderNotices => Set<Reminders.ReminderNotice>();

    /// <summary>The partial unique index that allows one unfinished response per finding.</summary>
    public const string OneUnfinishedResponseIndex = "IX_Responses_OneUnfinishedPerFinding";

    /// <summary>The partial unique index that allows one open publication round.</summary>
    public const string OneOpenRoundIndex = "IX_Rounds_OneOpen";

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
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureWorkflow(builder);
        ConfigureFollowUp(builder);
        builder.ConfigureSearch();
        Instances.SharedInstanceModel.Configure(builder);
        builder.Entity<Audit>(e =>
        {
            e.HasIndex(a => a.Key).IsUnique();

            // Lists order audits by year; the import finds an audit by kind and year.
            e.HasIndex(a => new { a.FiscalYear, a.Kind });
            e.Property(a => a.Key).HasMaxLength(200);
            e.Property(a => a.Kind).HasMaxLength(100);
            e.Property(a => a.DocumentKind).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
        });

        builder.Entity<Finding>(e =>
        {
            e.HasIndex(f => new { f.AuditId, f.Number }).IsUnique();
            e.HasIndex(f => f.Number);

            // An audit's findings in the lists' order (category, then sequence), and filtered by category.
            e.HasIndex(f => new { f.AuditId, f.Category, f.Sequence });
            e.Property(f => f.Number).HasMaxLength(100);
            e.Property(f => f.ReportPages).HasMaxLength(100);
            e.HasOne(f => f.Audit).WithMany(a => a.Findings).HasForeignKey(f => f.AuditId);
            e.Property(f => f.Version).IsConcurrencyToken();
        });

        builder.Entity<FindingDepartment>(e =>
        {
            e.HasKey(fd => new { fd.FindingId, fd.DepartmentId });
            e.HasOne<Finding>().WithMany(f => f.Departments).HasForeignKey(fd => fd.FindingId);
            e.HasOne(fd => fd.Department).WithMany().HasForeignKey(fd => fd.DepartmentId);
        });

        builder.Entity<Department>(e =>
        {
            e.HasIndex(d => d.Name).IsUnique();
            e.Property(d => d.Name).HasMaxLength(200);
            e.HasMany(d => d.Names).WithOne().HasForeignKey(n => n.DepartmentId);
            e.HasOne<Department>().WithMany().HasForeignKey(d => d.MergedIntoId);
            e.Property(d => d.Version).IsConcurrencyToken();
        });

        builder.Entity<DepartmentName>(e =>
        {
            e.HasIndex(n => n.Name);
            e.HasIndex(n => new { n.DepartmentId, n.From }).IsUnique();
            e.Property(n => n.Name).HasMaxLength(200);
        });

        builder.Entity<StatusRecord>(e =>
        {
            e.HasOne<Finding>().WithMany(f => f.StatusRecords).HasForeignKey(r => r.FindingId);
            e.HasIndex(r => r.FindingId);

            // A finding's history as of a month reads its records up to that month.
            e.HasIndex(r => new { r.FindingId, r.AsOf });
            e.Property(r => r.Word).HasMaxLength(100);
            e.Property(r => r.Source).HasMaxLength(500);
            e.Ignore(r => r.EffectiveFrom);
        });

        builder.Entity<StatusTerm>(e =>
        {
            e.Property(t => t.Word).HasMaxLength(100);
            e.Property(t => t.AuditKind).HasMaxLength(100);
            e.HasData(StatusVocabulary.Defaults);
        });

        builder.Entity<StatusWordChoice>(e =>
        {
            e.HasIndex(c => new { c.Category, c.Word }).IsUnique();
            e.Property(c => c.Word).HasMaxLength(100);
        });
    }

    private static void ConfigureFollowUp(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EvidenceFile>(e =>
        {
            e.HasOne<Response>().WithMany().HasForeignKey(f => f.ResponseId);
            e.HasIndex(f => f.ResponseId);
            e.Property(f => f.FileName).HasMaxLength(255);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<Reminders.ReminderNotice>(e =>
        {
            // The claim: a second instance's insert of the same notice fails here and it skips the mail.
            e.HasIndex(n => new { n.RequestId, n.Kind, n.DueDate }).IsUnique();
            e.HasOne<ResponseRequest>().WithMany().HasForeignKey(n => n.RequestId);
            e.Property(n => n.Kind).HasMaxLength(16);
            e.Property(n => n.ClaimedBy).HasMaxLength(200);
        });
    }

    private static void ConfigureWorkflow(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserDepartment>(e =>
        {
            e.HasKey(u => new { u.UserId, u.DepartmentId });
            e.HasOne<KansaUser>().WithMany(u => u.Departments).HasForeignKey(u => u.UserId);
            e.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId);
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<KansaUser>().WithMany().HasForeignKey(t => t.UserId);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<ChangeEntry>(e =>
        {
            // The table keeps the name it had before the change log got its own word: backups of earlier versions
            // name their tables, and restoring them must still find this one.
            e.ToTable(ChangeEntry.TableName);
            e.HasIndex(a => a.Sequence).IsUnique();
            e.HasIndex(a => a.At);

            // The change log page's filters: what was done, and to which thing.
            e.HasIndex(a => new { a.Action, a.Sequence });
            e.HasIndex(a => new { a.EntityType, a.EntityKey });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(50);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(200);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
        });

        modelBuilder.Entity<Response>(e =>
        {
            e.HasOne<Finding>().WithMany().HasForeignKey(r => r.FindingId);
            e.HasOne<ResponseRequest>().WithMany().HasForeignKey(r => r.RequestId);
            e.HasOne<PublicationRound>().WithMany().HasForeignKey(r => r.RoundId);
            e.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ResponseId);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Word).HasMaxLength(100);
            e.Property(r => r.Stage).HasConversion<string>().HasMaxLength(16);

            // One unfinished response per finding: of two simultaneous drafts (a double click) the second insert fails.
            e.HasIndex(r => r.FindingId);
            e.HasIndex(r => r.FindingId, OneUnfinishedResponseIndex).IsUnique().HasFilter(ResponseStages.UnfinishedFilter);
        });

        modelBuilder.Entity<ResponseRequest>(e =>
        {
            e.HasOne<Finding>().WithMany().HasForeignKey(r => r.FindingId);
            e.HasMany(r => r.DueDateChanges).WithOne().HasForeignKey(c => c.RequestId);
        });

        modelBuilder.Entity<PublicationRound>(e =>
        {
            e.HasIndex(r => r.AsOf);

            // One open round at a time: the index holds at most one row that is not published (NOT reads the same on
            // SQLite's 0/1 and PostgreSQL's boolean). Of two simultaneous openings the second insert fails.
            // A cancelled round is no longer open, so it leaves the index and a new round can be opened.
            e.HasIndex(r => r.IsPublished, OneOpenRoundIndex).IsUnique().HasFilter("NOT \"IsPublished\" AND NOT \"IsCancelled\"");

            // Publishing updates the round only WHERE it is still unpublished (EF checks the rows affected), in the same
            // transaction as the responses it publishes: of two simultaneous publications one wins, the other conflicts.
            e.Property(r => r.IsPublished).IsConcurrencyToken();

            // Cancelling and publishing both update WHERE neither flag has changed since the round was read: of a
            // cancellation and a publication sent at the same moment exactly one wins.
            e.Property(r => r.IsCancelled).IsConcurrencyToken();
        });
    }
}
