using Kansa.Calendar;
using Kansa.Status;
using Kansa.Storage;

namespace Kansa.Findings;

/// <summary>
/// A finding's status in force at a month, computed by the database: what <see cref="StatusTimeline.At"/> computes in
/// memory, so that a page can filter, count and page findings by state without reading them all.
/// </summary>
public sealed class StatusInForce
{
    /// <summary>The finding.</summary>
    public int FindingId { get; init; }

    /// <summary>Its category.</summary>
    public FindingCategory Category { get; init; }

    /// <summary>Its sequence.</summary>
    public int Sequence { get; init; }

    /// <summary>Its number.</summary>
    public string Number { get; init; } = "";

    /// <summary>The state in force (open when nothing is).</summary>
    public StatusState State { get; init; }

    /// <summary>The word in force; null when nothing is (the category's word for open then).</summary>
    public string? Word { get; init; }

    /// <summary>Nothing published about it yet: no measure, no publication month, and open.</summary>
    public bool Unpublished { get; init; }

    /// <summary>
    /// Each of <paramref name="findings"/> with its status at <paramref name="month"/>, as a query still to be filtered,
    /// grouped or paged. The rule is <see cref="StatusTimeline.At"/>'s: records effective by the month; among them only
    /// those of the newest document known by then (or later); then the latest effective, the known one, the newer
    /// document, the later one. "Later" is the row id here (SQLite cannot order by a stored DateTimeOffset); rows are
    /// written in the order they are recorded, so it is the same order as the recording time.
    /// </summary>
    public static IQueryable<StatusInForce> At(KansaDbContext db, IQueryable<Finding> findings, YearMonth month)
    {
        var records = db.StatusRecords;
        return findings
            .Select(f => new
            {
                f.Id,
                f.Category,
                f.Sequence,
                f.Number,
                CurrentId = records
                    .Where(r => r.FindingId == f.Id && (r.Published ?? r.AsOf) <= month)
                    .Where(r => !records.Any(k => k.FindingId == f.Id && (k.Published ?? k.AsOf) <= month && k.AsOf <= month && k.AsOf > r.AsOf))
                    .OrderByDescending(r => r.Published ?? r.AsOf)
                    .ThenByDescending(r => r.AsOf <= month)
                    .ThenByDescending(r => r.AsOf)
                    .ThenByDescending(r => r.Id)
                    .Select(r => (int?)r.Id)
                    .FirstOrDefault(),
            })
            .Select(x => new StatusInForce
            {
                FindingId = x.Id,
                Category = x.Category,
                Sequence = x.Sequence,
                Number = x.Number,
                State = records.Where(r => r.Id == x.CurrentId).Select(r => (StatusState?)r.State).FirstOrDefault() ?? StatusState.Open,
                Word = records.Where(r => r.Id == x.CurrentId).Select(r => r.Word).FirstOrDefault(),
                Unpublished = !records.Any(r => r.Id == x.CurrentId && (r.Response != null || r.Published != null || r.State != StatusState.Open)),
            });
    }
}
