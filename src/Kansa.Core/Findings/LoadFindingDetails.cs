using Kansa.Storage;

namespace Kansa.Findings;

/// <summary>A finding with its full status history: the finding page.</summary>
public sealed class LoadFindingDetails(KansaDbContext db)
{
    /// <summary>
    /// Finds findings by number (normalized, so R５-指-３ works), within one audit when a key is given.
    /// Several audits may use the same number; the page then lets the reader choose.
    /// </summary>
    public async Task<IReadOnlyList<FindingAsOf>> RunAsync(string? auditKey, string number, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(number, TextLimits.FindingNumber * 4) || !TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return [];
        }

        var normalized = Identifiers.Compact(number);
        var query = db.Findings.Where(f => f.Number == normalized);
        if (auditKey is not null)
        {
            query = query.Where(f => f.Audit!.Key == auditKey);
        }

        return await FindingProjection.LoadAsync(db, query, null, ct);
    }
}
