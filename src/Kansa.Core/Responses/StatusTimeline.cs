using Kansa.Calendar;

namespace Kansa.Responses;

/// <summary>Computes a finding's status at a month from its records, which are never overwritten.</summary>
public static class StatusTimeline
{
    /// <summary>
    /// The record in force at <paramref name="asOf"/> (or the latest when null): the one with the latest
    /// effective month not after it; between equal months the newer document wins. Null means the finding
    /// was still open with nothing published.
    /// </summary>
    public static StatusRecord? At(IEnumerable<StatusRecord> records, YearMonth? asOf) =>
        records.Where(r => asOf is null || r.EffectiveFrom <= asOf.Value)
               .OrderByDescending(r => r.EffectiveFrom)
               .ThenByDescending(r => r.AsOf)
               .ThenByDescending(r => r.RecordedAt)
               .ThenByDescending(r => r.Id)
               .FirstOrDefault();

    /// <summary>The records in the order they took effect, for a finding's history.</summary>
    public static IEnumerable<StatusRecord> History(IEnumerable<StatusRecord> records) =>
        records.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.AsOf).ThenBy(r => r.RecordedAt).ThenBy(r => r.Id);
}
