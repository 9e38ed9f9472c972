using System.Data.Common;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kansa.Backups;

/// <summary>
/// <c>kansa restore</c> and the second half of <c>kansa db copy</c>: checks the whole backup first (manifest, SHA-256
/// and row count of every table, schema version), then writes every row in one transaction: all or nothing.
/// A database with data is replaced only when asked, in that same transaction. Rows are written verbatim (the audit
/// log's hashes included) without going through the audit interceptor.
/// </summary>
public sealed class RestoreBackup(KansaDbContext db)
{
    /// <summary>Restores the backup in <paramref name="path"/>; refusals name the file (and entry) and say what is wrong.</summary>
    /// <param name="path">The backup file.</param>
    /// <param name="file">How messages name it (the path the user gave, or the source of a copy).</param>
    /// <param name="replace">Whether existing data is replaced; else a database with data is refused (a Conflict).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<BackupManifest>> RunAsync(string path, string file, bool replace, CancellationToken ct)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            return Refuse(file, "バックアップのファイルが壊れているか、途中で切れています (zip として読めません)。");
        }

        using (zip)
        {
            var checkedBackup = await BackupCheck.RunAsync(zip, file, ct);
            if (!checkedBackup.Succeeded)
            {
                return checkedBackup;
            }

            var manifest = checkedBackup.Value;
            var tables = BackupSchema.Tables(db).ToDictionary(t => t.Name, StringComparer.Ordinal);
            if (Incompatible(manifest, tables) is { } why)
            {
                return Refuse(file, why);
            }

            return await WriteAsync(zip, file, manifest, tables, replace, ct);
        }
    }

    private string? Incompatible(BackupManifest manifest, Dictionary<string, BackupTable> tables)
    {
        var known = db.Database.GetMigrations().Select(BackupManifest.MigrationName).ToHashSet(StringComparer.Ordinal);
        var unknown = manifest.Migrations.Where(m => !known.Contains(BackupManifest.MigrationName(m))).ToList();
        if (unknown.Count > 0)
        {
            return $"このバックアップは、この版の Kansa より新しいデータベース構造で作られています (この版の知らない移行: {string.Join(", ", unknown)})。同じ版か新しい版の kansa で復元してください。";
        }

        foreach (var table in manifest.Tables)
        {
            if (!tables.TryGetValue(table.Name, out var target))
            {
                return $"このバックアップには、この版の Kansa にない表 {table.Name} があります。同じ版か新しい版の kansa で復元してください。";
            }

            if (table.Columns.FirstOrDefault(c => target.Columns.All(t => t.Name != c)) is { } column)
            {
                return $"このバックアップの表 {table.Name} には、この版の Kansa にない列 {column} があります。同じ版か新しい版の kansa で復元してください。";
            }
        }

        return null;
    }

    private async Task<Outcome<BackupManifest>> WriteAsync(
        ZipArchive zip, string file, BackupManifest manifest, Dictionary<string, BackupTable> tables, bool replace, CancellationToken ct)
    {
        var sqlite = BackupSchema.IsSqlite(db);
        var quote = db.GetService<ISqlGenerationHelper>();
        var order = BackupSchema.Tables(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();
        var occupied = new List<string>();
        foreach (var table in order.Where(t => !t.Seeded))
        {
            var rows = Convert.ToInt64(await ScalarAsync(connection, tx, $"SELECT COUNT(*) FROM {quote.DelimitIdentifier(table.Name)}", ct), System.Globalization.CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                occupied.Add($"{table.Name} {rows} 行");
            }
        }

        if (occupied.Count > 0 && !replace)
        {
            return Outcome<BackupManifest>.Conflict($"復元先のデータベースは空ではありません ({string.Join("、", occupied)})。");
        }

        // Seeded rows (and, when replacing, everything) go first, dependants before their principals.
        foreach (var table in Enumerable.Reverse(order))
        {
            foreach (var column in table.SelfReferences)
            {
                await ExecuteAsync(connection, tx, $"UPDATE {quote.DelimitIdentifier(table.Name)} SET {quote.DelimitIdentifier(column)} = NULL", ct);
            }

            await ExecuteAsync(connection, tx, $"DELETE FROM {quote.DelimitIdentifier(table.Name)}", ct);
        }

        var byName = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in order.Where(t => byName.ContainsKey(t.Name)))
        {
            var problem = await new BackupTableWriter(connection, tx, quote, table, byName[table.Name], utcInstants: !sqlite)
                .WriteAsync(zip.GetEntry(BackupManifest.TableEntry(table.Name))!, ct);
            if (problem is not null)
            {
                return Refuse(file, problem);
            }

            if (!sqlite && table.Identity is { } identity)
            {
                // Restored rows carry their ids; the identity's sequence must continue after them, or the next insert collides.
                var name = quote.DelimitIdentifier(table.Name);
                var literal = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
                await ScalarAsync(connection, tx,
                    $"SELECT setval(pg_get_serial_sequence({literal}, '{identity}'), COALESCE((SELECT MAX({quote.DelimitIdentifier(identity)}) FROM {name}), 0) + 1, false)", ct);
            }
        }

        await transaction.CommitAsync(ct);
        return Outcome<BackupManifest>.Ok(manifest);
    }

    internal static Outcome<BackupManifest> Refuse(string file, string message) =>
        Outcome<BackupManifest>.Invalid(file, $"{file}: {message}");

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct) =>
        CreateBackup.ExecuteAsync(connection, tx, sql, ct);
}
