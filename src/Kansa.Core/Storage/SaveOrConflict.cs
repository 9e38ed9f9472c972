using Microsoft.EntityFrameworkCore;

namespace Kansa.Storage;

/// <summary>Saving an edit guarded by a concurrency token (Version), shared by every edit use case.</summary>
public static class SaveOrConflict
{
    /// <summary>Saves; false when someone else saved the same row first (the use case answers Conflict).</summary>
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
    }
}
