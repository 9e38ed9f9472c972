using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>
/// The coordinator cancels a round that is not yet published, with a reason. The round is kept, marked cancelled (the
/// change log records who, when and why); it no longer holds the one open slot, and it can never be published.
/// </summary>
public sealed class CancelRound(KansaDbContext db, TimeProvider time)
{
    /// <summary>Cancels; a published or already cancelled round is refused, and so is a cancellation without a reason.</summary>
    public async Task<Outcome<RoundView>> RunAsync(StaffUser user, int id, string? reason, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RoundView>.Forbidden("公表の回の取消しは取りまとめ担当とシステム管理者だけができます。");
        }

        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<RoundView>.NotFound($"公表の回 {id} はありません。");
        }

        if (ResponseGate.Required("reason", "取消しの理由", reason, TextLimits.Comment) is { } problem)
        {
            return Outcome<RoundView>.Invalid([problem]);
        }

        if (round.IsPublished)
        {
            return Outcome<RoundView>.Invalid("", $"{round.AsOf.ToWareki()}{Glossary.AsOf}の回は公表済みです。公表した回は取り消せません (内容の誤りは回答ごとに理由を付けて訂正します)。");
        }

        if (round.IsCancelled)
        {
            return Outcome<RoundView>.Invalid("", $"{round.AsOf.ToWareki()}{Glossary.AsOf}の回はすでに取り消されています。");
        }

        // Responses join a round only when it is published, so the approved ones it would have published are untouched:
        // they stay approved and wait for the next round.
        round.IsCancelled = true;
        round.CancelledBy = user.Actor;
        round.CancelledAt = time.GetUtcNow();
        round.CancelReason = TextInput.Plain(reason!);

        // The update runs WHERE IsPublished and IsCancelled are still false: a publication (or another cancellation)
        // that got there first makes this one fail instead of cancelling a published round.
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<RoundView>.Conflict("取消しのあいだに、ほかの人がこの回を公表または取り消しました。公表の回の一覧で状態を確認してください。");
        }

        return Outcome<RoundView>.Ok(RoundView.From(round, 0));
    }
}
