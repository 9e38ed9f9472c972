using System.Collections.Concurrent;

namespace Kansa.AuditTrail;

/// <summary>
/// Where a database's audit-log key lives (setting <c>Kansa:AuditLog:KeyFile</c>; by default beside the embedded
/// database file). The key is read once per process and created on the first line sealed.
/// </summary>
public sealed class AuditKeyFile(string path)
{
    private static readonly ConcurrentDictionary<string, AuditKey> Loaded = new(StringComparer.Ordinal);

    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private AuditKey? throwaway;

    /// <summary>A key that lives only in memory, for a database that lives only in memory (kansa check).</summary>
    public static AuditKeyFile InMemory() => new("(memory)") { throwaway = AuditKey.Generate() };

    /// <summary>The key for sealing new lines, created when missing.</summary>
    public AuditKey GetOrCreate()
    {
        if (throwaway is not null)
        {
            return throwaway;
        }

        if (Loaded.TryGetValue(Path, out var key))
        {
            return key;
        }

        lock (Loaded)
        {
            return Loaded.GetOrAdd(Path, AuditKey.LoadOrCreate);
        }
    }

    /// <summary>The key for checking, read from the file now, or null when the file does not exist (never creates one).</summary>
    public AuditKey? Find() => throwaway ?? AuditKey.Load(Path);

    /// <summary>Forgets keys read so far, so the next use reads the file again (after a test replaces it).</summary>
    public static void ForgetLoaded() => Loaded.Clear();
}
