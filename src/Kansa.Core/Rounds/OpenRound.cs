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
            return Outcome<RoundView>.Invalid("asOf", $"asOf (時点): {reason} (例 2025-11)。");
        }

        // A round reports what is known "as of" a month: a month still to come cannot be reported, and one dated far
        // ahead would, once published, block every later round.
        var current = YearMonth.CurrentInJapan(time);
        if (month > current)
        {
            return Outcome<RoundView>.Invalid("asOf", $"asOf (時点): {month} はまだ来ていない月です。{current} ({current.ToWareki()}) 以前の月を指定してください。");
        }

        var open = await db.Rounds.AsNoTracking().Where(r => !r.IsPublished).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return Outcome<RoundView>.Invalid("asOf", $"asOf (時点): {open.AsOf.ToWareki()}{Glossary.AsOf}の回がまだ公表されていません。一度に開ける回は1つだけです。");
        }

        if (await db.Rounds.AnyAsync(r => r.AsOf == month, ct))
        {
            return Outcome<RoundView>.Invalid("asOf", $"asOf (時点): {month.ToWareki()}{Glossary.AsOf}の回はすでにあります。");
        }

        // A round dated before one already published would rewrite what the public has already read for those months.
        var published = (await db.Rounds.AsNoTracking().Where(r => r.IsPublished).Select(r => r.AsOf).ToListAsync(ct)).DefaultIfEmpty().Max();
        if (published != default && month <= published)
        {
            return Outcome<RoundView>.Invalid("asOf", $"asOf (時点): {published.ToWareki()}{Glossary.AsOf}の回が公表済みです。それより後の月を指定してください。");
        }

        var round = new PublicationRound { AsOf = month, OpenedBy = user.Actor, OpenedAt = time.GetUtcNow() };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        return Outcome<RoundView>.Ok(RoundView.From(round, 0));
    }
}
