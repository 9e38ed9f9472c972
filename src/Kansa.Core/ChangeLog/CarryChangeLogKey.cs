namespace Kansa.ChangeLog;

/// <summary>
/// A copied database keeps the key its log was sealed with. The key is a secret and never travels inside a backup
/// file, but <c>db copy</c> runs where both places are at hand: it puts the source's key file where the target
/// looks for its own, so that <c>change-log verify</c> on the copy checks the same chain, and the next line written
/// there is sealed with the same key instead of a new one that verify would call "another key".
/// </summary>
public static class CarryChangeLogKey
{
    /// <summary>Null when the copy may go ahead; else a Japanese reason (the target already holds a different key).</summary>
    /// <exception cref="InvalidDataException">A key file exists but is not a Kansa audit key.</exception>
    public static string? Check(string sourcePath, string targetPath)
    {
        if (SamePlace(sourcePath, targetPath))
        {
            return null;
        }

        var source = ChangeLogKey.Load(sourcePath);
        var target = ChangeLogKey.Load(targetPath);
        return source is not null && target is not null && source.Id != target.Id
            ? $"{Path.GetFullPath(targetPath)}: コピー先には、コピー元 ({Path.GetFullPath(sourcePath)}) と別の操作記録の鍵があります。"
              + "コピー先の鍵ファイルを退避するか、Kansa:ChangeLog:KeyFile でコピー元と同じ鍵を指定してください。"
            : null;
    }

    /// <summary>
    /// Copies the source's key file (readable by its owner only) and its public half to where the target looks,
    /// when the source has one and the target has none; returns the path written, or null when nothing was copied.
    /// </summary>
    public static string? Copy(string sourcePath, string targetPath)
    {
        if (SamePlace(sourcePath, targetPath) || !File.Exists(sourcePath) || File.Exists(targetPath))
        {
            return null;
        }

        var full = Path.GetFullPath(targetPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var into = new FileStream(full, options))
        using (var from = File.OpenRead(sourcePath))
        {
            from.CopyTo(into);
            into.Flush(flushToDisk: true);
        }

        if (File.Exists(sourcePath + ".pub") && !File.Exists(full + ".pub"))
        {
            File.Copy(sourcePath + ".pub", full + ".pub");
        }

        return full;
    }

    private static bool SamePlace(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
