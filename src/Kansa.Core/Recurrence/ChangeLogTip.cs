using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Recurrence;

/// <summary>
/// The data version as the change log's tip (the newest line's hash): every committed change, from any instance or
/// the command line, writes a line in its own transaction, so a new tip means the index may be out of date.
/// </summary>
public sealed class ChangeLogTip(KansaDbContext db) : IDataVersion
{
    /// <inheritdoc />
    public async Task<string> CurrentAsync(CancellationToken ct) =>
        await db.ChangeEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? "";
}
