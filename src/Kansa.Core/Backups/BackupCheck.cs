using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kansa.Backups;

/// <summary>
/// Reads a whole backup before anything is written: the manifest, and for every table its entry's SHA-256 and row
/// count. A truncated, corrupted or edited file is refused here, naming the entry.
/// </summary>
public static class BackupCheck
{
    /// <summary>The manifest when every table matches it, else why not.</summary>
    public static async Task<Outcome<BackupManifest>> RunAsync(ZipArchive zip, string file, CancellationToken ct)
    {
        BackupManifest? manifest;
        try
        {
            var entry = zip.GetEntry(BackupManifest.EntryName);
            if (entry is null)
            {
                return RestoreBackup.Refuse(file, $"{BackupManifest.EntryName} (目録) がありません。kansa backup で作ったファイルではないか、壊れています。");
            }

            await using var stream = await entry.OpenAsync(ct);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, CreateBackup.ManifestJson, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            return RestoreBackup.Refuse(file, $"{BackupManifest.EntryName} (目録) が読めません。ファイルが壊れています。");
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Tables is null || manifest.Migrations is null)
        {
            return RestoreBackup.Refuse(file, $"{BackupManifest.EntryName}: 形式 {BackupManifest.FormatName} のバックアップではありません。");
        }

        foreach (var table in manifest.Tables)
        {
            var name = BackupManifest.TableEntry(table.Name);
            var entry = zip.GetEntry(name);
            if (entry is null)
            {
                return RestoreBackup.Refuse(file, $"{name} がありません (目録には {table.Rows} 行とあります)。ファイルが壊れています。");
            }

            try
            {
                var (rows, sha) = await ReadAsync(entry, ct);
                if (sha != table.Sha256 || rows != table.Rows)
                {
                    return RestoreBackup.Refuse(file, $"{name}: 中身が目録と一致しません (目録 {table.Rows} 行、実際 {rows} 行、SHA-256 {(sha == table.Sha256 ? "一致" : "不一致")})。ファイルが壊れているか書き換えられています。");
                }
            }
            catch (InvalidDataException)
            {
                return RestoreBackup.Refuse(file, $"{name}: 圧縮されたデータが壊れています (途中で切れているか、書き換えられています)。");
            }
        }

        return Outcome<BackupManifest>.Ok(manifest);
    }

    private static async Task<(long Rows, string Sha256)> ReadAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await entry.OpenAsync(ct);
        var buffer = new byte[81920];
        long rows = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            rows += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
