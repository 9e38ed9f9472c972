using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Search;

/// <summary>
/// What search reads of one finding: its published text folded with NFKC (so that ＤＸ finds DX and ﾊﾟｽﾜｰﾄﾞ
/// finds パスワード), kept current by <see cref="SearchIndexer"/> in the transaction that changes the finding.
/// On SQLite an FTS5 trigram table mirrors it; on PostgreSQL pg_trgm GIN indexes cover its columns.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>The finding (also the FTS5 rowid).</summary>
    public int FindingId { get; set; }

    /// <summary>The finding.</summary>
    public Finding? Finding { get; set; }

    /// <summary>The title, folded.</summary>
    public string Title { get; set; } = "";

    /// <summary>The number and every name its departments had or were merged into, folded, one a line.</summary>
    public string Names { get; set; } = "";

    /// <summary>The excerpt and every published response (措置の内容), folded, separated by blank lines.</summary>
    public string Body { get; set; } = "";

    /// <summary>The state in force now.</summary>
    public StatusState State { get; set; }

    /// <summary>The publication month of the status in force now; null while nothing is published.</summary>
    public YearMonth? Published { get; set; }
}
