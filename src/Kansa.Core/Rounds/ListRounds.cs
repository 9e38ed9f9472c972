using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>Every publication round, newest first, and how many approved responses wait for the next one.</summary>
public sealed class ListRounds(KansaDbContext db)
{
    /// <summary>The rounds and the count of responses waiting.</summary>
    public async Task<(IReadOnlyList<RoundView> Rounds, int Waiting)> RunAsync(CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
        var counts = await db.Responses.Where(r => r.RoundId != null).GroupBy(r => r.RoundId!.Value)
            .Select(g => new { Round = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Round, g => g.Count, ct);
        var waiting = await db.Responses.CountAsync(r => r.Stage == ResponseStage.Approved && r.RoundId == null, ct);
        return ([.. rounds.Select(r => RoundView.From(r, r.IsPublished ? counts.GetValueOrDefault(r.Id) : r.IsCancelled ? 0 : waiting))], waiting);
    }

    /// <summary>One round, or null.</summary>
    public async Task<RoundView?> FindAsync(int id, CancellationToken ct)
    {
        var (rounds, _) = await RunAsync(ct);
        return rounds.FirstOrDefault(r => r.Id == id);
    }
}
