using Kansa.Accounts;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>
/// The report as the round would publish it: the approved responses taken as published in the round's month,
/// built by <see cref="LoadReportSnapshot"/> like every export, so the preview and the publication cannot differ.
/// </summary>
public sealed class PreviewRound(KansaDbContext db, LoadReportSnapshot snapshots, TimeProvider time)
{
    /// <summary>The snapshot as of the round's month (of one audit when a key is given).</summary>
    public async Task<Outcome<ReportSnapshot>> RunAsync(StaffUser user, int id, string? auditKey, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<ReportSnapshot>.Forbidden("公表の回のプレビューは取りまとめ担当とシステム管理者だけが見られます。");
        }

        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<ReportSnapshot>.NotFound($"公表の回 {id} はありません。");
        }

        var pending = round.IsPublished || round.IsCancelled ? [] : await PublishRound.PendingAsync(db, ct);
        var now = time.GetUtcNow();
        var records = pending.Select(r => PublishRound.RecordOf(r, round, "preview", now)).ToList();
        var snapshot = await snapshots.RunAsync(round.AsOf, auditKey, records, ct);
        return snapshot is null
            ? Outcome<ReportSnapshot>.NotFound($"監査「{auditKey}」は登録されていません。")
            : Outcome<ReportSnapshot>.Ok(snapshot);
    }
}
