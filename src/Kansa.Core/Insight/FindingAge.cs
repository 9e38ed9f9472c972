using Kansa.Status;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;

namespace Kansa.Insight;

/// <summary>
/// One finding with the dates that measure how long it stayed open, as its audit's latest publication shows it.
/// </summary>
/// <param name="Finding">The finding as of <paramref name="AsOf"/> (departments by their names of that month).</param>
/// <param name="AuditId">The audit's row id.</param>
/// <param name="DepartmentIds">The departments the finding names, as stored (before any merge).</param>
/// <param name="ReportMonth">The month of the audit's report (see <see cref="Insight.ReportMonth"/>).</param>
/// <param name="ReportMonthAssumed">Whether that month is the end of the fiscal year, no report date being registered.</param>
/// <param name="AsOf">The 〜現在 month of the audit's latest publication.</param>
/// <param name="DoneMonth">The publication month from which the finding has been done (措置済, 対応済); null while it is not.</param>
public sealed record FindingAge(
    FindingAsOf Finding,
    int AuditId,
    IReadOnlyList<int> DepartmentIds,
    YearMonth ReportMonth,
    bool ReportMonthAssumed,
    YearMonth AsOf,
    YearMonth? DoneMonth)
{
    /// <summary>Still to be dealt with: not done and not declined (未措置, 検討中 …).</summary>
    public bool IsOpen => Finding.State is StatusState.Open or StatusState.InProgress;

    /// <summary>Months from the report to done; null while not done.</summary>
    public int? MonthsToDone => DoneMonth is { } done ? Insight.ReportMonth.MonthsBetween(ReportMonth, done) : null;

    /// <summary>Months from the report to <see cref="AsOf"/> for an open finding; null otherwise.</summary>
    public int? MonthsOpen => IsOpen ? Insight.ReportMonth.MonthsBetween(ReportMonth, AsOf) : null;

    /// <summary>
    /// The month from which the records say done without a break up to <paramref name="asOf"/>; null when the finding
    /// is not done then. A finding reopened by a later document counts from its last change to done.
    /// </summary>
    public static YearMonth? DoneSince(IReadOnlyCollection<StatusRecord> records, YearMonth asOf)
    {
        YearMonth? since = null;
        foreach (var month in records.Select(r => r.EffectiveFrom).Where(m => m <= asOf).Distinct().Order())
        {
            var done = StatusTimeline.At(records, month)?.State == StatusState.Done;
            since = done ? since ?? month : null;
        }

        return StatusTimeline.At(records, asOf)?.State == StatusState.Done ? since : null;
    }
}
