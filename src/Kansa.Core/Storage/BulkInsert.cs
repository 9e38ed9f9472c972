using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kansa.Storage;

/// <summary>
/// Writes many new rows of one entity type in the current transaction without EF's change tracking: a prepared
/// INSERT reused for every row on SQLite, binary COPY on PostgreSQL. Columns and value conversions come from the
/// EF model, so a row is stored exactly as SaveChanges would store it. Keys are assigned beforehand
/// (<see cref="NextIdsAsync"/>); callers write the change log lines themselves (see ChangeLog.BulkChangeLog).
/// </summary>
public static class BulkInsert
{
    /// <summary>Whether the context runs on PostgreSQL (else SQLite).</summary>
    public static bool IsPostgres(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// <paramref name="count"/> fresh values of the entity's generated integer key, never used before: from the
    /// identity's sequence on PostgreSQL, after the highest ever given (AUTOINCREMENT) on SQLite, whose write
    /// transaction holds the database until commit.
    /// </summary>
    public static async Task<long[]> NextIdsAsync<T>(DbContext db, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var quote = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (IsPostgres(db))
        {
            var literal = "'" + quote.DelimitIdentifier(table).Replace("'", "''", StringComparison.Ordinal) + "'";
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence({literal}, '{key}')) FROM generate_series(1, {count})";
            var ids = new long[count];
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }

        command.CommandText =
            $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX({quote.DelimitIdentifier(key)}) FROM {quote.DelimitIdentifier(table)}), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(1, count).Select(i => last + i)];
    }

    /// <summary>Inserts the rows (every mapped column; store-generated columns are left out when <paramref name="withKey"/> is false).</summary>
    public static async Task WriteAsync<T>(DbContext db, IReadOnlyCollection<T> rows, bool withKey, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => withKey || p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping() as RelationalTypeMapping ?? throw new InvalidOperationException(p.Name)))
            .ToList();
        var quote = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(c => quote.DelimitIdentifier(c.Name)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // A save without a transaction of its own leaves the connection closed (the search index is written after one).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await WriteOpenAsync(connection, transaction, table.Name, names, columns, rows, quote, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteOpenAsync<T>(
        DbConnection connection, DbTransaction? transaction, string tableName, string names, List<Column> columns, IReadOnlyCollection<T> rows, ISqlGenerationHelper quote, CancellationToken ct)
        where T : class
    {
        if (connection is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY {quote.DelimitIdentifier(tableName)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = column.Value(row);
                    if (value is null)
                    {
                        await copy.WriteNullAsync(ct);
                    }
                    else
                    {
                        await copy.WriteAsync(value, column.Mapping.StoreTypeNameBase, ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {quote.DelimitIdentifier(tableName)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(insert, "@p" + i, null, c.Property.IsNullable)).ToArray();
        insert.Parameters.AddRange(parameters);
        await insert.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed record Column(IProperty Property, string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the provider stores it (after the model's value converter).</summary>
        public object? Value(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
