using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Search;

/// <summary>What the migration cannot do by itself: fill the index of a database that had findings before it, and check
/// that PostgreSQL's trigram indexes can index Japanese at all.</summary>
public static class SearchSetup
{
    /// <summary>Indexes every finding when some have no document (a database migrated with data in it, an older backup).</summary>
    /// <returns>Whether it did.</returns>
    public static async Task<bool> CompleteAsync(KansaDbContext db, CancellationToken ct)
    {
        if (!await SearchIndexer.IsIncompleteAsync(db, ct))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SearchIndexer.RebuildAsync(db, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// On PostgreSQL, a warning in Japanese when the database's LC_CTYPE is not a UTF-8 locale: pg_trgm then extracts no
    /// trigrams from Japanese, its indexes are ignored and every search reads the whole table. Null when all is well.
    /// </summary>
    public static async Task<string?> CheckAsync(KansaDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return null;
        }

        var trigrams = await db.Database.SqlQueryRaw<int>("SELECT cardinality(show_trgm('監査委員')) AS \"Value\"").SingleAsync(ct);
        if (trigrams > 0)
        {
            return null;
        }

        var ctype = await db.Database.SqlQueryRaw<string>("SELECT datctype AS \"Value\" FROM pg_database WHERE datname = current_database()").SingleAsync(ct);
        return $"注意: このデータベースの LC_CTYPE は「{ctype}」で、UTF-8 のロケールではありません。pg_trgm が日本語の索引を作れないため、" +
               "検索は正しく動きますが、毎回すべての行を読むので遅くなります。UTF-8 のロケール (例 initdb --locale=C.UTF-8、" +
               "CREATE DATABASE … LC_CTYPE 'C.UTF-8' TEMPLATE template0) で作ったデータベースに kansa db copy で移してください。";
    }
}
