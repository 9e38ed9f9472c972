using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>
/// One finding for staff: registry fields, version, departments, current status and every status record (corrections
/// included). Editors and approvers read only their departments' findings; to them others do not exist.
/// </summary>
public sealed class LoadFindingRecord(KansaDbContext db)
{
    /// <summary>The finding, or why not.</summary>
    public async Task<Outcome<FindingAsOf>> RunAsync(StaffUser user, string number, string? auditKey, CancellationToken ct)
    {
        var found = await FindingLookup.FindAsync(db, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<FindingAsOf>();
        }

        var f = found.Value;
        if (!user.CanRead(f.Departments.Select(d => d.DepartmentId)))
        {
            return Outcome<FindingAsOf>.NotFound($"番号「{f.Number}」の指摘・意見はありません。");
        }

        var records = await db.StatusRecords.AsNoTracking().Where(r => r.FindingId == f.Id).ToListAsync(ct);
        var projection = await FindingProjection.LoadAsync(db, ct);
        return Outcome<FindingAsOf>.Ok(projection.Project(f, f.Audit!, records, null));
    }
}
