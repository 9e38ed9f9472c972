using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Storage;

/// <summary>
/// Brings a database's schema up to date. For the embedded SQLite file, EF Core serializes migrations with a row
/// in <c>__EFMigrationsLock</c>; a process killed while it held that row (found by the crash harness: SIGKILL during
/// an import's start) left it behind and every later command waited for it forever. Kansa therefore migrates a
/// SQLite file while holding an operating-system lock on <c>FILE.migrating</c>, which the system releases when its
/// holder dies: whoever holds it knows that any row left in <c>__EFMigrationsLock</c> belongs to a dead process.
/// </summary>
public static class EmbeddedMigration
{
    /// <summary>Applies pending migrations; for SQLite, first removes a lock row left by a killed process.</summary>
    /// <returns>Whether a stale lock was removed (to tell the user).</returns>
    public static async Task<bool> MigrateAsync(KansaDbContext context, DatabaseTarget target, CancellationToken ct)
    {
        if (target.Engine != DatabaseEngine.Sqlite)
        {
            await context.Database.MigrateAsync(ct);
            await Search.SearchSetup.CompleteAsync(context, ct);
            return false;
        }

        using var held = await AcquireAsync(target.Display + ".migrating", ct);
        var cleared = await ClearLeftLockAsync(target, ct);
        await context.Database.MigrateAsync(ct);
        await Search.SearchSetup.CompleteAsync(context, ct);
        return cleared;
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                // FileShare.None takes an advisory lock (flock) on Unix, released by the kernel if this process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another Kansa process is migrating this file right now: wait for it.
                await Task.Delay(100, ct);
            }
        }
    }

    private static async Task<bool> ClearLeftLockAsync(DatabaseTarget target, CancellationToken ct)
    {
        if (target.IsMissingFile)
        {
            return false;
        }

        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }
}
