using System.Buffers;
using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kansa.Backups;

/// <summary>
/// <c>kansa backup</c>: writes every table to an engine-neutral zip (<see cref="BackupManifest"/>), read in one
/// snapshot while the app keeps serving and writing: a single read transaction (SQLite: a deferred read transaction,
/// which in WAL mode lets writers go on; PostgreSQL: REPEATABLE READ, READ ONLY).
/// </summary>
public sealed class CreateBackup(KansaDbContext db, TimeProvider time)
{
    internal static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the backup to <paramref name="output"/> and returns its manifest.</summary>
    public async Task<BackupManifest> RunAsync(Stream output, CancellationToken ct)
    {
        var tables = BackupSchema.Tables(db);
        var sqlite = BackupSchema.IsSqlite(db);
        var quote = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        DbTransaction? transaction = null;
        try
        {
            if (sqlite)
            {
                // Microsoft.Data.Sqlite's own transactions begin IMMEDIATE (a write lock); a deferred one only reads.
                await ExecuteAsync(connection, null, "BEGIN DEFERRED", ct);
            }
            else
            {
                transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
                await ExecuteAsync(connection, transaction, "SET TRANSACTION READ ONLY", ct);
            }

            var migrations = await AppliedMigrationsAsync(connection, transaction, quote, ct);
            var written = new List<BackupManifestTable>();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var table in tables)
                {
                    written.Add(await WriteTableAsync(zip, connection, transaction, quote, table, ct));
                }

                var manifest = new BackupManifest(BackupManifest.FormatName, time.GetUtcNow(), sqlite ? "sqlite" : "postgresql", migrations, written);
                var entry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal);
                await using (var stream = await entry.OpenAsync(ct))
                {
                    await JsonSerializer.SerializeAsync(stream, manifest, ManifestJson, ct);
                }

                return manifest;
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }
            else if (sqlite)
            {
                await ExecuteAsync(connection, null, "ROLLBACK", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<BackupManifestTable> WriteTableAsync(
        ZipArchive zip, DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper quote, BackupTable table, CancellationToken ct)
    {
        var entry = zip.CreateEntry(BackupManifest.TableEntry(table.Name), CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var order = table.Key.Count > 0 ? " ORDER BY " + string.Join(", ", table.Key.Select(k => quote.DelimitIdentifier(k))) : "";
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => quote.DelimitIdentifier(c.Name)))} FROM {quote.DelimitIdentifier(table.Name)}{order}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var buffer = new ArrayBufferWriter<byte>();
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            buffer.ResetWrittenCount();
            await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ManifestJson.Encoder }))
            {
                json.WriteStartArray();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    BackupValues.Write(json, reader, i, table.Columns[i].Type);
                }

                json.WriteEndArray();
            }

            buffer.Write("\n"u8);
            hash.AppendData(buffer.WrittenSpan);
            await stream.WriteAsync(buffer.WrittenMemory, ct);
            rows++;
        }

        return new BackupManifestTable(table.Name, table.Columns.Select(c => c.Name).ToList(), rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<List<string>> AppliedMigrationsAsync(DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper quote, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {quote.DelimitIdentifier("MigrationId")} FROM {quote.DelimitIdentifier("__EFMigrationsHistory")} ORDER BY 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
