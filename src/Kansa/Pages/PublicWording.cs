using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Status;

namespace Kansa.Pages;

/// <summary>
/// The words the public pages use where the data has a gap, kept in one place so that the audit list, the audit page
/// and the finding page say the same thing.
/// </summary>
public static class PublicWording
{
    /// <summary>What a finding shows when the city has published neither its content nor its status.</summary>
    public const string Unpublished = "未公表 (市はまだ措置状況を公表していません)";

    /// <summary>The short form, for the collapsed line of the audit page: 未公表の指摘 3 件.</summary>
    public const string UnpublishedShort = "未公表";

    /// <summary>
    /// Whether the city has published no status for a finding yet: no response, no publication month, still open.
    /// Most such findings are in the city's count but in none of its rows (their number came from the summary table,
    /// so they have no title either); a title entered in the registry does not make the status published.
    /// </summary>
    public static bool IsUnpublished(string? response, YearMonth? published, StatusState state) =>
        response is null && published is null && state == StatusState.Open;

    /// <summary><see cref="IsUnpublished(string?, YearMonth?, StatusState)"/> for a row of an audit.</summary>
    public static bool IsUnpublished(FindingAsOf f) => IsUnpublished(f.Response, f.Published, f.State);

    /// <summary>The title a page shows: the stored one, 未公表 …, or a dash when a published row had no title.</summary>
    public static string TitleOf(string? title, bool unpublished) => title ?? (unpublished ? Unpublished : "—");

    /// <summary>
    /// The document a status came from, named as a reader knows it (令和7年8月現在の公表資料) rather than by the file the
    /// importer read or the round that published it: every record's source is a city publication as of its month.
    /// </summary>
    public static string SourceLabel(YearMonth asOf) => $"{asOf.ToWareki()}{Glossary.AsOf}の公表資料";
}
