using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Storage;

/// <summary>
/// Saving a change that another request may make at the same moment, shared by every use case: the one place where
/// the database's refusals of a lost race become a business result (the use case answers Conflict with its own message).
/// </summary>
public static class SaveOrConflict
{
    /// <summary>
    /// Saves; false when someone else saved first: a stale concurrency token (no row updated), a unique index that
    /// another request filled a moment before (one draft per finding, one open round), or a transaction PostgreSQL
    /// aborted for serialization or deadlock. Nothing of this save is kept then.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this KansaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (IsLostRace(e))
        {
            return false;
        }
    }

    /// <summary>Whether the database refused the save because a simultaneous one got there first.</summary>
    public static bool IsLostRace(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException db && (IsPostgresRace(db.SqlState) || IsSqliteUniqueViolation(db)))
            {
                return true;
            }
        }

        return false;
    }

    // 23505 unique_violation, 40001 serialization_failure, 40P01 deadlock_detected: each means "someone else was first".
    private static bool IsPostgresRace(string? sqlState) => sqlState is "23505" or "40001" or "40P01";

    // SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555); other constraint failures (foreign key, NOT NULL)
    // are bugs, not races. Read by name because Kansa.Core does not reference the SQLite provider.
    private static bool IsSqliteUniqueViolation(DbException e) =>
        e.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException"
        && e.GetType().GetProperty("SqliteExtendedErrorCode")?.GetValue(e) is 2067 or 1555;
}
