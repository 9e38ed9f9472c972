using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>
/// The latest month the public already has a publication of: the 〜現在 month of every imported document and every
/// publication month (公表年月) on a stored status, which includes what published rounds wrote. A new round dated
/// before it would show its responses as published in a month whose document said otherwise.
/// </summary>
public static class PublicationMonths
{
    /// <summary>The latest publication month in the data, or null when nothing is published yet.</summary>
    public static async Task<YearMonth?> LatestAsync(KansaDbContext db, CancellationToken ct)
    {
        // Distinct months, compared here: YearMonth's operators are not translated to SQL, and there are few months.
        var documents = await db.StatusRecords.AsNoTracking().Select(r => r.AsOf).Distinct().ToListAsync(ct);
        var published = await db.StatusRecords.AsNoTracking().Where(r => r.Published != null).Select(r => r.Published!.Value).Distinct().ToListAsync(ct);
        var audits = await db.Audits.AsNoTracking().Where(a => a.LatestDocument != null).Select(a => a.LatestDocument!.Value).Distinct().ToListAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.IsPublished).Select(r => r.AsOf).ToListAsync(ct);
        var all = documents.Concat(published).Concat(audits).Concat(rounds).ToList();
        return all.Count == 0 ? null : all.Max();
    }

    /// <summary>The refusal of a round dated before <paramref name="latest"/>, naming it in 和暦.</summary>
    public static string TooEarlyMessage(YearMonth month, YearMonth latest) =>
        $"時点: {latest.ToWareki()}より前の月の回は作れません。{latest.ToWareki()}{Glossary.AsOf}の公表 (取り込んだ公表資料または公表済の回) がすでにあり、"
        + $"{month.ToWareki()}の回で公表すると、すでに公表した状況より前の月の公表として表示されてしまいます。{latest.ToWareki()}以降の月を指定してください。";
}
