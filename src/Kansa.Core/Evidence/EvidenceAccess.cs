using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Evidence;

/// <summary>What decides who may see and attach evidence to a response: its stage and its finding's departments.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="FindingId">Its finding.</param>
/// <param name="FindingNumber">The finding's number, for pages.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="DepartmentIds">The finding's departments.</param>
public sealed record EvidenceAccess(int ResponseId, int FindingId, string FindingNumber, ResponseStage Stage, IReadOnlyList<int> DepartmentIds)
{
    /// <summary>Loads it, or null when the response does not exist.</summary>
    public static async Task<EvidenceAccess?> LoadAsync(KansaDbContext db, int responseId, CancellationToken ct)
    {
        var response = await db.Responses.AsNoTracking().Where(r => r.Id == responseId)
            .Join(db.Findings, r => r.FindingId, f => f.Id, (r, f) => new { r.Id, r.FindingId, f.Number, r.Stage })
            .FirstOrDefaultAsync(ct);
        if (response is null)
        {
            return null;
        }

        var departments = await db.Set<Findings.FindingDepartment>().Where(d => d.FindingId == response.FindingId).Select(d => d.DepartmentId).ToListAsync(ct);
        return new EvidenceAccess(response.Id, response.FindingId, response.Number, response.Stage, departments);
    }

    /// <summary>Whether the person may read the response (and so its evidence).</summary>
    public bool CanRead(StaffUser user) => user.CanRead(DepartmentIds);

    /// <summary>
    /// Whether the person may attach files now: an editor of the finding's departments while the draft is theirs to
    /// write (下書き・差戻し); the coordinator at any stage before publication.
    /// </summary>
    public bool CanAttach(StaffUser user) =>
        (user.CanDraft(DepartmentIds) && Stage is ResponseStage.Draft or ResponseStage.Returned)
        || (user.IsCoordinator && Stage.IsUnfinished());
}
