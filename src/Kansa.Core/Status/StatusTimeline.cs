using Kansa.Calendar;

namespace Kansa.Status;

/// <summary>Computes a finding's status at a month from its records, which are never overwritten.</summary>
public static class StatusTimeline
{
    /// <summary>
    /// The record in force at <paramref name="asOf"/> (or the latest when null); null means the finding was still
    /// open with nothing published. A record counts from its publication month (else its document's month). Once a
    /// newer document is out by that month, it speaks for the finding over older documents, even where they disagree;
    /// between records effective in the same month, the one whose document was out by then wins, then the newer one.
    /// </summary>
    public static StatusRecord? At(IEnumerable<StatusRecord> records, YearMonth? asOf)
    {
        bool Known(StatusRecord r) => asOf is null || r.AsOf <= asOf.Value;
        var candidates = records.Where(r => asOf is null || r.EffectiveFrom <= asOf.Value).ToList();
        var newestKnown = candidates.Where(Known).Select(r => (YearMonth?)r.AsOf).Max();
        return candidates
            .Where(r => newestKnown is null || r.AsOf >= newestKnown.Value)
            .OrderByDescending(r => r.EffectiveFrom)
            .ThenByDescending(Known)
            .ThenByDescending(r => r.AsOf)
            .ThenByDescending(r => r.RecordedAt)
            .ThenByDescending(r => r.Id)
            .FirstOrDefault();
    }

    /// <summary>The records in the order they took effect, for a finding's history.</summary>
    public static IEnumerable<StatusRecord> History(IEnumerable<StatusRecord> records) =>
        records.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.AsOf).ThenBy(r => r.RecordedAt).ThenBy(r => r.Id);
}
