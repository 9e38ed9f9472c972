using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>
/// One finding for staff: registry fields, version, departments, current status and every status record (corrections
/// included). Editors and approvers read only their departments' findings; to them others do not exist.
/// </summary>
public sealed class LoadFindingRecord(KansaDbContext db)
{
    /// <summary>The finding, or why not.</summary>
    public async Task<Outcome<Record>> RunAsync(StaffUser user, string number, string? auditKey, CancellationToken ct)
    {
        var found = await FindingLookup.FindAsync(db, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<Record>();
        }

        var f = found.Value;
        if (!user.CanRead(f.Departments.Select(d => d.DepartmentId)))
        {
            return Outcome<Record>.NotFound($"番号「{f.Number}」の指摘・意見はありません。");
        }

        var records = await db.StatusRecords.AsNoTracking().Where(r => r.FindingId == f.Id).ToListAsync(ct);
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var history = await DepartmentHistory.LoadAsync(db, ct);
        var audit = f.Audit!;
        var current = StatusTimeline.At(records, null);
        return Outcome<Record>.Ok(new Record(
            audit.Key, audit.Kind, audit.FiscalYear, f.Number, f.Category, f.Sequence, f.ReportPages, f.PageFrom, f.PageTo,
            history.NamesAt(f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId), null),
            f.Title, f.Excerpt, f.Version,
            current?.Word ?? vocabulary.CanonicalWord(f.Category, StatusState.Open, audit.Kind),
            current?.State ?? StatusState.Open,
            current?.Published,
            current?.Response,
            [.. StatusTimeline.History(records).Select(r => new HistoryItem(
                r.Word, r.State, r.Published, r.AsOf, r.Response, r.Source, r.ResponseId, r.CorrectionReason, r.RecordedBy, r.RecordedAt))]));
    }

    /// <summary>A finding as staff read it.</summary>
    public sealed record Record(
        string AuditKey,
        string AuditKind,
        int FiscalYear,
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
        IReadOnlyList<HistoryItem> History);

    /// <summary>One status record: a document's statement, a published response or a correction (訂正) with its reason.</summary>
    public sealed record HistoryItem(
        string Status,
        StatusState State,
        YearMonth? Published,
        YearMonth AsOf,
        string? Response,
        string Source,
        int? ResponseId,
        string? CorrectionReason,
        string? RecordedBy,
        DateTimeOffset RecordedAt);
}
