using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>
/// Finds one finding by its number (normalized: Ｒ５－指－３ is R5-指-3), within an audit when a key is given.
/// Numbers repeat across audits, so an ambiguous number without a key is refused with the keys to choose from.
/// </summary>
public static class FindingLookup
{
    /// <summary>The finding, tracked, with its departments and audit; or why not.</summary>
    public static async Task<Outcome<Finding>> FindAsync(KansaDbContext db, string number, string? auditKey, CancellationToken ct)
    {
        // A number or key no finding can have (too long, NUL) is not sent to the database, which may refuse it.
        if (!TextLimits.CanLookUp(number, TextLimits.FindingNumber * 4) || !TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return Outcome<Finding>.NotFound("その番号の指摘・意見はありません。");
        }

        var normalized = Identifiers.Compact(number);
        var query = db.Findings.Include(f => f.Audit).Include(f => f.Departments).ThenInclude(d => d.Department).Where(f => f.Number == normalized);
        if (!string.IsNullOrEmpty(auditKey))
        {
            query = query.Where(f => f.Audit!.Key == auditKey);
        }

        var found = await query.ToListAsync(ct);
        return found.Count switch
        {
            0 => Outcome<Finding>.NotFound($"番号「{normalized}」の指摘・意見はありません。"),
            1 => Outcome<Finding>.Ok(found[0]),
            _ => Outcome<Finding>.Invalid("audit", $"番号「{normalized}」は複数の監査にあります。audit に監査キーを指定してください ({string.Join("、", found.Select(f => f.Audit!.Key))})。"),
        };
    }
}
