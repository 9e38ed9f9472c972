namespace Kansa.Backups;

/// <summary>
/// <c>manifest.json</c> of a backup: what it holds and how to check it. The rows are in <c>tables/NAME.jsonl</c>,
/// one JSON array per row in the order of <see cref="BackupManifestTable.Columns"/>.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="CreatedAt">When the snapshot was taken (UTC).</param>
/// <param name="Engine">The engine it was taken from (sqlite, postgresql): for information only, the format is the same.</param>
/// <param name="Migrations">The migrations applied to the source, which give its schema version.</param>
/// <param name="Tables">Every table, with its columns, row count and the SHA-256 of its file.</param>
public sealed record BackupManifest(string Format, DateTimeOffset CreatedAt, string Engine, IReadOnlyList<string> Migrations, IReadOnlyList<BackupManifestTable> Tables)
{
    /// <summary>The format's name and version.</summary>
    public const string FormatName = "kansa-backup/1";

    /// <summary>The manifest's entry name in the zip file.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>The entry that holds a table's rows.</summary>
    public static string TableEntry(string table) => $"tables/{table}.jsonl";

    /// <summary>A migration id without its timestamp: the two engines' migrations share names, not ids.</summary>
    public static string MigrationName(string id) => id.Length > 15 && id[14] == '_' ? id[15..] : id;
}

/// <summary>A table in the manifest.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">The columns, in the order of each row's values.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of the table's entry.</param>
public sealed record BackupManifestTable(string Name, IReadOnlyList<string> Columns, long Rows, string Sha256);
