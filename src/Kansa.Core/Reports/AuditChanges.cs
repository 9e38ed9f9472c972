using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// What changed in one audit's report between two months (or between what is public and what a round would publish):
/// the lists a city reads before and after a publication round.
/// </summary>
/// <param name="AuditKey">The audit.</param>
/// <param name="Title">The report's title as of <paramref name="To"/>.</param>
/// <param name="From">The earlier month.</param>
/// <param name="To">The later month.</param>
/// <param name="NewlyDone">Findings that became 措置済・対応済.</param>
/// <param name="NewlyPublished">Findings whose status in force was published (公表年月) after the earlier report.</param>
/// <param name="WordsChanged">Findings whose status word changed.</param>
/// <param name="Corrected">Published texts corrected (訂正) in the period, with the reason.</param>
/// <param name="StillOpen">Findings still 未措置・措置中 (or 未対応・検討中) at the later month.</param>
public sealed record AuditChanges(
    string AuditKey,
    string Title,
    YearMonth From,
    YearMonth To,
    IReadOnlyList<FindingChange> NewlyDone,
    IReadOnlyList<FindingChange> NewlyPublished,
    IReadOnlyList<FindingChange> WordsChanged,
    IReadOnlyList<TextCorrection> Corrected,
    IReadOnlyList<FindingChange> StillOpen)
{
    /// <summary>Whether nothing was done, published, changed or corrected (open findings alone are no change).</summary>
    public bool HasNoChange => NewlyDone.Count == 0 && NewlyPublished.Count == 0 && WordsChanged.Count == 0 && Corrected.Count == 0;
}

/// <summary>One finding as it was at both months.</summary>
/// <param name="Number">Its number (R5-指-3).</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Title">Its title.</param>
/// <param name="Departments">Its departments as of the later month.</param>
/// <param name="FromStatus">The status word at the earlier month.</param>
/// <param name="FromState">The state at the earlier month.</param>
/// <param name="FromPublished">The publication month in force at the earlier month.</param>
/// <param name="ToStatus">The status word at the later month.</param>
/// <param name="ToState">The state at the later month.</param>
/// <param name="ToPublished">The publication month in force at the later month.</param>
/// <param name="Response">The measure taken as published at the later month.</param>
public sealed record FindingChange(
    string Number,
    FindingCategory Category,
    string? Title,
    IReadOnlyList<string> Departments,
    string FromStatus,
    StatusState FromState,
    YearMonth? FromPublished,
    string ToStatus,
    StatusState ToState,
    YearMonth? ToPublished,
    string? Response);

/// <summary>A published text corrected (訂正): the text before and after, and why.</summary>
/// <param name="Number">The finding's number.</param>
/// <param name="Title">The finding's title.</param>
/// <param name="Published">The publication month of the corrected status.</param>
/// <param name="Before">The text as published before the correction.</param>
/// <param name="After">The corrected text.</param>
/// <param name="Reason">Why it was corrected.</param>
/// <param name="CorrectedAt">When.</param>
public sealed record TextCorrection(
    string Number,
    string? Title,
    YearMonth? Published,
    string? Before,
    string? After,
    string Reason,
    DateTimeOffset CorrectedAt);
