using Kansa.Accounts;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>
/// What a round changes, for its preview: per audit the same lists as <c>kansa diff</c> (newly done, newly published,
/// words changed, still open) between what is public now and what the round would publish, and the responses it
/// would publish. A published round is compared with the month before it.
/// </summary>
public sealed class RoundChanges(KansaDbContext db, LoadReportSnapshot snapshots, TimeProvider time)
{
    /// <summary>The lists; coordinators only.</summary>
    public async Task<Outcome<RoundChangeList>> RunAsync(StaffUser user, int id, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RoundChangeList>.Forbidden("公表の回のプレビューは取りまとめ担当とシステム管理者だけが見られます。");
        }

        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<RoundChangeList>.NotFound($"公表の回 {id} はありません。");
        }

        var open = !round.IsPublished && !round.IsCancelled;
        var pending = open ? await PublishRound.PendingAsync(db, ct) : [];
        var now = time.GetUtcNow();
        var records = pending.Select(r => PublishRound.RecordOf(r, round, "preview", now)).ToList();

        // Open: the round's month without and with its responses, so exactly what it adds shows. Published: its records
        // are stored, so the month before it stands for what was public until then.
        var fromMonth = open ? round.AsOf : Before(round.AsOf);
        var before = await snapshots.RunAsync(fromMonth, null, ct);
        var after = await snapshots.RunAsync(round.AsOf, null, records, ct);
        var earlier = before!.Audits.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var audits = after!.Audits
            .Where(a => earlier.ContainsKey(a.Key))
            .Select(a => CompareSnapshots.Compare(earlier[a.Key], a, []))
            .ToList();

        var ids = pending.Select(p => p.FindingId).Distinct().ToList();
        var findings = await db.Findings.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Number, AuditKey = f.Audit!.Key })
            .ToDictionaryAsync(f => f.Id, ct);
        var newly = pending
            .Select(p => new RoundResponse(p.Id, findings[p.FindingId].AuditKey, findings[p.FindingId].Number, p.Word, p.Content))
            .OrderBy(r => r.AuditKey, StringComparer.Ordinal).ThenBy(r => r.ResponseId)
            .ToList();
        return Outcome<RoundChangeList>.Ok(new RoundChangeList(fromMonth, audits, newly));
    }

    private static Calendar.YearMonth Before(Calendar.YearMonth month) =>
        month.Month == 1 ? new(month.Year - 1, 12) : new(month.Year, month.Month - 1);
}

/// <summary>What a round changes.</summary>
/// <param name="From">The month the round is compared with.</param>
/// <param name="Audits">The changes, audit by audit.</param>
/// <param name="Newly">The responses the round publishes (while it is open).</param>
public sealed record RoundChangeList(Calendar.YearMonth From, IReadOnlyList<AuditChanges> Audits, IReadOnlyList<RoundResponse> Newly);

/// <summary>An approved response a round publishes.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="AuditKey">Its audit.</param>
/// <param name="Number">Its finding's number.</param>
/// <param name="Word">The status word.</param>
/// <param name="Content">The measure taken.</param>
public sealed record RoundResponse(int ResponseId, string AuditKey, string Number, string Word, string Content);
