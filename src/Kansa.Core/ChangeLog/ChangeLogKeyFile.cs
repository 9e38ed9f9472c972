using System.Collections.Concurrent;

namespace Kansa.ChangeLog;

/// <summary>
/// Where a database's change-log key lives (setting <c>Kansa:ChangeLog:KeyFile</c>; by default beside the embedded
/// database file). The key is read once per process and created on the first line sealed.
/// </summary>
public sealed class ChangeLogKeyFile(string path)
{
    private static readonly ConcurrentDictionary<string, ChangeLogKey> Loaded = new(StringComparer.Ordinal);

    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private ChangeLogKey? throwaway;

    /// <summary>A key that lives only in memory, for a database that lives only in memory (kansa check).</summary>
    public static ChangeLogKeyFile InMemory() => new("(memory)") { throwaway = ChangeLogKey.Generate() };

    /// <summary>The key for sealing new lines, created when missing.</summary>
    public ChangeLogKey GetOrCreate()
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
            return Loaded.GetOrAdd(Path, ChangeLogKey.LoadOrCreate);
        }
    }

    /// <summary>The key for checking, read from the file now, or null when the file does not exist (never creates one).</summary>
    public ChangeLogKey? Find() => throwaway ?? ChangeLogKey.Load(Path);

    /// <summary>Forgets keys read so far, so the next use reads the file again (after a test replaces it).</summary>
    public static void ForgetLoaded() => Loaded.Clear();
}
