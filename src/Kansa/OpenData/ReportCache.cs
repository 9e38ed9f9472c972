using Kansa.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Kansa.OpenData;

/// <summary>
/// Keeps rendered open-data files until the data changes, for the requests the public cache does not answer (a
/// signed-in person's download): the version is the same <see cref="DataVersion"/>, the tip of the change log.
/// </summary>
public sealed class ReportCache(IMemoryCache cache, DataVersion version)
{
    /// <summary>A rendered file.</summary>
    public sealed record File(byte[] Content, string Name);

    /// <summary>The cached file for the key at the current data version, rendering it when missing; null stays uncached.</summary>
    public async Task<File?> GetAsync(string key, Func<Task<File?>> render, CancellationToken ct)
    {
        var full = $"report|{await version.CurrentAsync().WaitAsync(ct)}|{key}";
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
