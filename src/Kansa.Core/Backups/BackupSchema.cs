using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kansa.Backups;

/// <summary>A column of a table in a backup, with the CLR type its values are read and written as.</summary>
/// <param name="Name">The column's name in the database.</param>
/// <param name="Type">The provider CLR type (after value converters), without nullability.</param>
/// <param name="Nullable">Whether the column accepts NULL.</param>
public sealed record BackupColumn(string Name, Type Type, bool Nullable);

/// <summary>A table as the backup sees it.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">Its columns, in the model's order.</param>
/// <param name="Key">The primary key's columns.</param>
/// <param name="SelfReferences">Nullable columns of foreign keys to the table itself: written after the rows, so that
/// a row may point to a later one.</param>
/// <param name="Identity">The database-generated integer key, whose sequence is moved past the restored rows.</param>
/// <param name="Seeded">Whether migrations put rows in it (the status vocabulary): those rows do not make a database
/// "not empty", and are replaced by the backup's.</param>
public sealed record BackupTable(
    string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> Key, IReadOnlyList<string> SelfReferences, string? Identity, bool Seeded);

/// <summary>
/// The tables of the database, read from the EF model (never listed by hand, so a new table or column is never
/// forgotten), ordered so that every table comes after the tables its foreign keys point to.
/// </summary>
public static class BackupSchema
{
    /// <summary>Whether the context runs on SQLite (else PostgreSQL).</summary>
    public static bool IsSqlite(DbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The provider types (after value converters) the backup format can carry (see BackupValues).</summary>
    public static IReadOnlySet<Type> SupportedTypes { get; } = new HashSet<Type>
    {
        typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(decimal),
        typeof(DateTimeOffset), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(byte[]),
    };

    /// <summary>The tables of the context's model, principals first.</summary>
    public static IReadOnlyList<BackupTable> Tables(DbContext db)
    {
        // The design-time model: the runtime model leaves out seed data, which tells which tables migrations fill.
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || done.Contains(fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("the model's foreign keys form a cycle between tables: the backup cannot order them");
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                done.Add(table.Name);
            }
        }

        return ordered.Select(Describe).ToList();
    }

    private static BackupTable Describe(ITable table)
    {
        var columns = table.Columns.Select(c => new BackupColumn(c.Name, Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType, c.IsNullable)).ToList();
        if (columns.FirstOrDefault(c => !SupportedTypes.Contains(c.Type)) is { } unsupported)
        {
            // A new column type must get its encoding in BackupValues before any backup is written without it.
            throw new NotSupportedException($"the backup format has no encoding for {table.Name}.{unsupported.Name} ({unsupported.Type})");
        }

        var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [];
        var selfReferences = table.ForeignKeyConstraints
            .Where(fk => fk.PrincipalTable.Name == table.Name && fk.Columns.All(c => c.IsNullable))
            .SelectMany(fk => fk.Columns.Select(c => c.Name)).Distinct().ToList();
        string? identity = null;
        if (table.PrimaryKey is { Columns.Count: 1 } pk
            && pk.Columns[0].PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd)
            && (pk.Columns[0].ProviderClrType == typeof(int) || pk.Columns[0].ProviderClrType == typeof(long)))
        {
            identity = pk.Columns[0].Name;
        }

        var seeded = table.EntityTypeMappings.Any(m => m.TypeBase is IEntityType e && e.GetSeedData().Any());
        return new BackupTable(table.Name, columns, key, selfReferences, identity, seeded);
    }
}
