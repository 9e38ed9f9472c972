using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>The coordinator opens a publication round for a month; one round is open at a time.</summary>
public sealed class OpenRound(KansaDbContext db, TimeProvider time)
{
    /// <summary>Opens the round.</summary>
    public async Task<Outcome<RoundView>> RunAsync(StaffUser user, string? asOf, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RoundView>.Forbidden("公表の回は取りまとめ担当とシステム管理者だけが開けます。");
        }

        if (!YearMonth.TryParseIso(asOf, out var month, out var reason))
        {
            return Outcome<RoundView>.Invalid("asOf", $"時点: {reason} (例 2025-11)。");
        }

        // A round reports what is known "as of" a month: a month still to come cannot be reported, and one dated far
        // ahead would, once published, block every later round.
        var current = YearMonth.CurrentInJapan(time);
        if (month > current)
        {
            return Outcome<RoundView>.Invalid("asOf", $"時点: {month} はまだ来ていない月です。{current} ({current.ToWareki()}) 以前の月を指定してください。");
        }

        // On SQLite this transaction takes the write lock at once (BEGIN IMMEDIATE), so the checks and the insert are one
        // step; on PostgreSQL the checks may race, and the open-round index and the check after the insert decide.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var open = await db.Rounds.AsNoTracking().Where(r => !r.IsPublished && !r.IsCancelled).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return Outcome<RoundView>.Conflict(OneOpenMessage(open.AsOf));
        }

        if (await db.Rounds.AnyAsync(r => r.AsOf == month && !r.IsCancelled, ct))
        {
            return Outcome<RoundView>.Invalid("asOf", $"時点: {month.ToWareki()}{Glossary.AsOf}の回はすでにあります。");
        }

        // A round dated before one already published would rewrite what the public has already read for those months.
        if (await LatestPublishedAsync(month, ct) is { } published)
        {
            return Outcome<RoundView>.Invalid("asOf", LaterMonthMessage(published));
        }

        // Imported documents count too: after 「令和7年8月現在」 was imported, a round of 2024-06 would show its responses
        // as published in 令和6年6月, before what the city had already published.
        if (await PublicationMonths.LatestAsync(db, ct) is { } latest && month < latest)
        {
            return Outcome<RoundView>.Invalid("asOf", PublicationMonths.TooEarlyMessage(month, latest));
        }

        var round = new PublicationRound { AsOf = month, OpenedBy = user.Actor, OpenedAt = time.GetUtcNow() };
        db.Rounds.Add(round);
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<RoundView>.Conflict("時点: ほかの人が同時に公表の回を開きました。一度に開ける回は1つだけです。公表の回の一覧を確認してください。");
        }

        // Holding the only open slot now, no other round can be published until we commit; one published between our
        // check and our insert (PostgreSQL, read committed) is visible to this new statement and refuses the month.
        if (await LatestPublishedAsync(month, ct) is { } overtaken)
        {
            return Outcome<RoundView>.Invalid("asOf", LaterMonthMessage(overtaken));
        }

        if (await PublicationMonths.LatestAsync(db, ct) is { } imported && month < imported)
        {
            return Outcome<RoundView>.Invalid("asOf", PublicationMonths.TooEarlyMessage(month, imported));
        }

        await transaction.CommitAsync(ct);
        return Outcome<RoundView>.Ok(RoundView.From(round, 0));
    }

    private async Task<YearMonth?> LatestPublishedAsync(YearMonth month, CancellationToken ct)
    {
        // Compared here, not in SQL: YearMonth's operators are not translated (rounds are few).
        var months = (await db.Rounds.AsNoTracking().Where(r => r.IsPublished).Select(r => r.AsOf).ToListAsync(ct)).Where(m => m >= month).ToList();
        return months.Count == 0 ? null : months.Max();
    }

    private static string OneOpenMessage(YearMonth open) =>
        $"時点: {open.ToWareki()}{Glossary.AsOf}の回がまだ公表されていません。一度に開ける回は1つだけです。";

    private static string LaterMonthMessage(YearMonth published) =>
        $"時点: {published.ToWareki()}{Glossary.AsOf}の回が公表済みです。それより後の月を指定してください。";
}
