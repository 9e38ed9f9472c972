using System.Text.Json;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kansa.ChangeLog;

/// <summary>
/// Writes every change made through <see cref="KansaDbContext"/> to the change log, in the same transaction:
/// nothing is stored without its line in the log. Secrets (password hashes, token hashes) are never logged.
/// </summary>
public sealed class ChangeLogInterceptor(IChangeActor actor, TimeProvider time, ChangeLogKeyFile keyFile) : SaveChangesInterceptor
{
    internal static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "AuthenticatorKey", "Value",
    };

    internal static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The values after the change are read once the database has assigned keys (never temporary ids such as -2147482647):
    // only the names of the properties to record are kept until then.
    private readonly List<(EntityEntry Entry, string Action, string? Before, IReadOnlyList<string>? After)> pending = [];
    private IDbContextTransaction? owned;

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KansaDbContext db)
        {
            // Reading the chain's last line and appending after it must be one transaction, also when only log lines
            // are saved (logins, downloads): else two such saves can take the same sequence number.
            var captured = Capture(db);
            if ((captured || db.ChangeTracker.Entries<ChangeEntry>().Any(e => e.State == EntityState.Added)) && db.Database.CurrentTransaction is null)
            {
                owned = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            await SealAsync(db, keyFile, db.ChangeTracker.Entries<ChangeEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(), cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("Kansa saves asynchronously so that every change reaches the change log");

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KansaDbContext db && pending.Count > 0)
        {
            // Keys of new rows are known only now, so their lines are written by a second save in the same transaction.
            var lines = pending.Select(p => new ChangeEntry
            {
                At = time.GetUtcNow(),
                Actor = actor.Name,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name.Split('`')[0],
                EntityKey = KeyOf(p.Entry),
                Before = p.Before,
                After = p.After is null ? null : JsonSerializer.Serialize(p.After.ToDictionary(n => n, n => Plain(p.Entry.Property(n).CurrentValue)), Json),
            }).ToList();
            pending.Clear();
            db.ChangeEntries.AddRange(lines);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (owned is not null && pending.Count == 0)
        {
            var transaction = owned;
            owned = null;
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    /// <inheritdoc />
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Clear();
        if (owned is not null)
        {
            await owned.RollbackAsync(cancellationToken);
            await owned.DisposeAsync();
            owned = null;
        }
    }

    private bool Capture(KansaDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is ChangeEntry || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var props = entry.Properties.Where(p => !Secret.Contains(p.Metadata.Name)).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add((entry, "create", null, props.Select(p => p.Metadata.Name).ToList()));
                    break;
                case EntityState.Deleted:
                    pending.Add((entry, "delete", JsonSerializer.Serialize(props.ToDictionary(p => p.Metadata.Name, p => Plain(p.OriginalValue)), Json), null));
                    break;
                default:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count > 0)
                    {
                        pending.Add((entry, "update",
                            JsonSerializer.Serialize(changed.ToDictionary(p => p.Metadata.Name, p => Plain(p.OriginalValue)), Json),
                            changed.Select(p => p.Metadata.Name).ToList()));
                    }

                    break;
            }
        }

        return pending.Count > 0;
    }

    /// <summary>
    /// Lines for rows inserted without change tracking (<see cref="BulkInsert"/>), in the same transaction: the same
    /// create lines (fields, JSON) this interceptor writes for added rows, sealed after the chain's last line.
    /// The caller inserts them.
    /// </summary>
    internal async Task<List<ChangeEntry>> CreatedLinesAsync(KansaDbContext db, IEnumerable<object> rows, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lines = new List<ChangeEntry>();
        using var json = new RowJson();
        foreach (var group in rows.GroupBy(r => r.GetType()))
        {
            var type = db.Model.FindEntityType(group.Key)!;
            var props = type.GetProperties().Where(p => !Secret.Contains(p.Name)).Select(p => (p.Name, Getter: p.GetGetter())).ToList();
            var key = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToList();
            var name = group.Key.Name.Split('`')[0];
            lines.AddRange(group.Select(row => new ChangeEntry
            {
                At = now,
                Actor = actor.Name,
                Action = "create",
                EntityType = name,
                EntityKey = string.Join('/', key.Select(k => k.GetClrValueUsingContainingEntity(row)?.ToString())),
                After = json.Write(props, row),
            }));
        }

        await SealAsync(db, keyFile, lines, ct);
        return lines;
    }

    private static async Task SealAsync(KansaDbContext db, ChangeLogKeyFile keyFile, List<ChangeEntry> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Two app instances append to one chain: take turns for the rest of the transaction.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(424242)", ct);
        }

        var key = keyFile.GetOrCreate();
        var last = await db.ChangeEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, hash) = (last?.Sequence ?? 0, last?.Hash ?? "");
        foreach (var line in lines)
        {
            ChangeChain.Seal(line, sequence, hash, key);
            (sequence, hash) = (line.Sequence, line.Hash);
        }
    }

    /// <summary>The interceptor the context logs its changes with, if any.</summary>
    internal static ChangeLogInterceptor? Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ChangeLogInterceptor>().FirstOrDefault();

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    internal static object? Plain(object? value) => value switch
    {
        null => null,
        Calendar.YearMonth ym => ym.ToString(),
        Enum e => e.ToString(),
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),

        // File contents (evidence) are identified by their size here and by their SHA-256 in the row itself.
        byte[] bytes => $"({bytes.Length} bytes)",
        _ => value,
    };
}
