using System.Data.Common;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kansa.Backups;

/// <summary>Inserts one table's rows from its backup entry, in the restore's transaction.</summary>
internal sealed class BackupTableWriter(
    DbConnection connection, DbTransaction transaction, ISqlGenerationHelper quote, BackupTable table, BackupManifestTable saved, bool utcInstants)
{
    /// <summary>Writes the rows; a Japanese description of the first row the database refused, else null.</summary>
    public async Task<string?> WriteAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        var columns = saved.Columns.Select(name => table.Columns.First(c => c.Name == name)).ToList();
        var deferred = columns.Select(c => table.SelfReferences.Contains(c.Name)).ToList();
        var keys = table.Key.Select(k => saved.Columns.ToList().IndexOf(k)).ToList();
        await using var insert = Command(
            $"INSERT INTO {quote.DelimitIdentifier(table.Name)} ({string.Join(", ", columns.Select(c => quote.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})", columns.Count);
        var later = new List<object[]>();
        using var reader = new StreamReader(await entry.OpenAsync(ct), new UTF8Encoding(false, true));
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            object[] values;
            try
            {
                using var row = JsonDocument.Parse(text);
                values = row.RootElement.EnumerateArray().Select((v, i) => BackupValues.Read(v, columns[i].Type, utcInstants)).ToArray();
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                return $"{BackupManifest.TableEntry(table.Name)}:{line}: 値が読めません ({e.Message})。";
            }

            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = deferred[i] ? DBNull.Value : values[i];
            }

            if (deferred.Contains(true) && deferred.Select((d, i) => d && values[i] != DBNull.Value).Any(x => x))
            {
                later.Add(values);
            }

            try
            {
                await insert.ExecuteNonQueryAsync(ct);
            }
            catch (DbException e)
            {
                return $"{BackupManifest.TableEntry(table.Name)}:{line}: 復元先のデータベースがこの行を受け付けません ({e.Message})。";
            }
        }

        // A row may point to a later row of its own table (a department merged into a newer one): linked once all exist.
        foreach (var values in later)
        {
            var sets = columns.Select((c, i) => (c, i)).Where(x => deferred[x.i]).ToList();
            await using var update = Command(
                $"UPDATE {quote.DelimitIdentifier(table.Name)} SET {string.Join(", ", sets.Select(x => $"{quote.DelimitIdentifier(x.c.Name)} = @p{x.i}"))} " +
                $"WHERE {string.Join(" AND ", keys.Select(k => $"{quote.DelimitIdentifier(columns[k].Name)} = @p{k}"))}", columns.Count);
            for (var i = 0; i < values.Length; i++)
            {
                update.Parameters[i].Value = values[i];
            }

            await update.ExecuteNonQueryAsync(ct);
        }

        return null;
    }

    private DbCommand Command(string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
