using Kansa.Reports;
using Kansa.Responses;

namespace Kansa.Audits;

/// <summary>The audits with their progress as of their latest document: the front page.</summary>
public sealed class ListAudits(LoadReportSnapshot snapshots)
{
    /// <summary>Lists every audit, newest fiscal year first.</summary>
    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken ct)
    {
        var snapshot = await snapshots.RunAsync(null, null, ct);
        return [.. snapshot!.Audits.Select(a => new Item(
            a.Key, a.Title, a.Kind, a.FiscalYearLabel, a.Theme, a.AsOf,
            a.Findings.Count,
            a.Findings.Count(f => f.State == StatusState.Done),
            a.Findings.Count(f => f.State == StatusState.InProgress),
            a.Findings.Count(f => f.State == StatusState.WillNotImplement)))];
    }

    /// <summary>One audit and its counts.</summary>
    public sealed record Item(
        string Key,
        string Title,
        string Kind,
        string FiscalYearLabel,
        string? Theme,
        Calendar.YearMonth AsOf,
        int Total,
        int Done,
        int InProgress,
        int WillNotImplement)
    {
        /// <summary>Findings neither done nor declined.</summary>
        public int Open => Total - Done - InProgress - WillNotImplement;

        /// <summary>Share done, 0..100.</summary>
        public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
    }
}
