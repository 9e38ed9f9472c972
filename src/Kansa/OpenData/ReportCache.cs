using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kansa.OpenData;

/// <summary>
/// Keeps rendered open-data files until the data changes. Every change writes a line to the audit log, so the
/// log's last sequence number is a cheap, exact version of the whole database: a new line means a new file.
/// </summary>
public sealed class ReportCache(IMemoryCache cache, KansaDbContext db)
{
    /// <summary>A rendered file.</summary>
    public sealed record File(byte[] Content, string Name);

    /// <summary>The cached file for the key at the current data version, rendering it when missing; null stays uncached.</summary>
    public async Task<File?> GetAsync(string key, Func<Task<File?>> render, CancellationToken ct)
    {
        var version = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var full = $"report|{version}|{key}";
        if (cache.TryGetValue(full, out File? file))
        {
            return file;
        }

        file = await render();
        if (file is not null)
        {
            cache.Set(full, file, new MemoryCacheEntryOptions { Size = file.Content.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return file;
    }
}
