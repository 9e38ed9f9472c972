using Kansa.ChangeLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kansa.Storage;

/// <summary>
/// On PostgreSQL, tells every app instance that the data changed (<c>NOTIFY kansa_data</c>) whenever a save appends to the
/// change log: inside the saving transaction, so that the notice is delivered when, and only if, the change commits; or
/// just after the commit when the save had its own transaction. Registered after the audit interceptor, which opens and
/// commits that transaction. Instances in the <c>notify</c> mode of the public cache listen for it.
/// </summary>
public sealed class DataChangeNotice : SaveChangesInterceptor
{
    /// <summary>The channel.</summary>
    public const string Channel = "kansa_data";

    private bool logged;

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        logged |= eventData.Context?.ChangeTracker.Entries<ChangeEntry>().Any(e => e.State == EntityState.Added) == true;
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (logged && eventData.Context is { } db && db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            logged = false;
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', '')", cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        logged = false;
        return Task.CompletedTask;
    }
}
