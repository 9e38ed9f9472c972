using Kansa.Calendar;
using Kansa.Status;

namespace Kansa.Findings;

/// <summary>
/// A finding as a reader sees it as of a month (or now): the one projection that the finding page, the staff API,
/// every report format and the public pages map from. A new field is added here, in <see cref="FindingProjection"/>,
/// and in the formats that show it.
/// </summary>
/// <param name="Id">The finding's row id.</param>
/// <param name="AuditKey">The audit's key, e.g. R5-包括外部監査.</param>
/// <param name="AuditKind">包括外部監査, 定期監査 ….</param>
/// <param name="FiscalYear">The audit's fiscal year (2023 for 令和5年度).</param>
/// <param name="Theme">The audit's theme.</param>
/// <param name="Number">R5-指-3.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Sequence">The number's sequence.</param>
/// <param name="ReportPages">P76~77 as written.</param>
/// <param name="PageFrom">The first report page.</param>
/// <param name="PageTo">The last report page.</param>
/// <param name="Departments">The departments by their names of the month, merges in force by then followed.</param>
/// <param name="Title">The finding's title.</param>
/// <param name="Excerpt">The excerpt of the report.</param>
/// <param name="Version">The registry fields' version (optimistic concurrency).</param>
/// <param name="Status">The city's word for the status in force (the category's word for open when nothing is).</param>
/// <param name="State">The state the word maps to.</param>
/// <param name="Published">When the status in force was published.</param>
/// <param name="Response">The published measure (措置の内容).</param>
/// <param name="History">Every status record known by the month, in the order they took effect.</param>
public sealed record FindingAsOf(
    int Id,
    string AuditKey,
    string AuditKind,
    int FiscalYear,
    string? Theme,
    string Number,
    FindingCategory Category,
    int Sequence,
    string? ReportPages,
    int? PageFrom,
    int? PageTo,
    IReadOnlyList<string> Departments,
    string? Title,
    string? Excerpt,
    Guid Version,
    string Status,
    StatusState State,
    YearMonth? Published,
    string? Response,
    IReadOnlyList<FindingStatusEntry> History)
{
    /// <summary>令和5年度包括外部監査.</summary>
    public string AuditName => $"{Audits.FiscalYears.Label(FiscalYear)}{AuditKind}";
}

/// <summary>One status record of a finding: a document's statement, a published response or a correction (訂正) with its reason.</summary>
/// <param name="Status">The word.</param>
/// <param name="State">Its state.</param>
/// <param name="Published">Its publication month.</param>
/// <param name="AsOf">The month of the document that said it.</param>
/// <param name="Response">The measure.</param>
/// <param name="Source">Where it came from (a document, a round).</param>
/// <param name="ResponseId">The staff response it published, if any.</param>
/// <param name="CorrectionReason">Why an earlier published text was corrected.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
public sealed record FindingStatusEntry(
    string Status,
    StatusState State,
    YearMonth? Published,
    YearMonth AsOf,
    string? Response,
    string Source,
    int? ResponseId,
    string? CorrectionReason,
    string? RecordedBy,
    DateTimeOffset RecordedAt)
{
    /// <summary>Whether this entry corrects an earlier published text.</summary>
    public bool IsCorrection => CorrectionReason is not null;
}
