using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>A finding with its full status history: the finding page.</summary>
public sealed class LoadFindingDetails(KansaDbContext db)
{
    /// <summary>
    /// Finds findings by number (normalized, so R５-指-３ works), within one audit when a key is given.
    /// Several audits may use the same number; the page then lets the reader choose.
    /// </summary>
    public async Task<IReadOnlyList<Details>> RunAsync(string? auditKey, string number, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(number, TextLimits.FindingNumber * 4) || !TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return [];
        }

        var normalized = Identifiers.Compact(number);
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var query = db.Findings.AsNoTracking().Where(f => f.Number == normalized);
        if (auditKey is not null)
        {
            query = query.Where(f => f.Audit!.Key == auditKey);
        }

        var findings = await query
            .Include(f => f.Audit)
            .Include(f => f.StatusRecords)
            .Include(f => f.Departments).ThenInclude(d => d.Department)
            .AsSplitQuery()
            .ToListAsync(ct);
        var departments = await Departments.DepartmentHistory.LoadAsync(db, ct);
        return [.. findings.Select(f =>
        {
            var audit = f.Audit!;
            var current = StatusTimeline.At(f.StatusRecords, null);
            return new Details(
                audit.Key,
                $"{Audits.FiscalYears.Label(audit.FiscalYear)}{audit.Kind}",
                audit.Theme,
                f.Number,
                f.Category,
                f.ReportPages,
                departments.NamesAt(f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId), null),
                f.Title,
                f.Excerpt,
                current?.Word ?? vocabulary.CanonicalWord(f.Category, StatusState.Open, audit.Kind),
                current?.State ?? StatusState.Open,
                current?.Published,
                current?.Response,
                [.. StatusTimeline.History(f.StatusRecords).Select(r => new HistoryEntry(r.Word, r.State, r.Published, r.AsOf, r.Response, r.Source, r.CorrectionReason))]);
        })];
    }

    /// <summary>A finding and its history.</summary>
    public sealed record Details(
        string AuditKey,
        string AuditName,
        string? Theme,
        string Number,
        FindingCategory Category,
        string? ReportPages,
        IReadOnlyList<string> Departments,
        string? Title,
        string? Excerpt,
        string Status,
        StatusState State,
        YearMonth? Published,
        string? Response,
        IReadOnlyList<HistoryEntry> History);

    /// <summary>One status the finding had, as a document published it; a correction (訂正) carries its reason.</summary>
    public sealed record HistoryEntry(string Status, StatusState State, YearMonth? Published, YearMonth AsOf, string? Response, string Source, string? CorrectionReason = null)
    {
        /// <summary>Whether this entry corrects an earlier published text.</summary>
        public bool IsCorrection => CorrectionReason is not null;
    }
}
