using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Evidence;

/// <summary>The evidence of a response, with whether the person may add more.</summary>
/// <param name="Access">The response's stage and departments.</param>
/// <param name="Files">The files, oldest first.</param>
/// <param name="CanAttach">Whether the person may attach files now.</param>
public sealed record EvidenceList(EvidenceAccess Access, IReadOnlyList<EvidenceSummary> Files, bool CanAttach);

/// <summary>Lists a response's evidence files for someone who may read the response.</summary>
public sealed class ListEvidence(KansaDbContext db)
{
    /// <summary>The list, or NotFound for a response the person may not read.</summary>
    public async Task<Outcome<EvidenceList>> RunAsync(StaffUser user, int responseId, CancellationToken ct)
    {
        var access = await EvidenceAccess.LoadAsync(db, responseId, ct);
        if (access is null || !access.CanRead(user))
        {
            return Outcome<EvidenceList>.NotFound($"回答 {responseId} は見つかりません。");
        }

        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ResponseId == responseId).OrderBy(f => f.Id)
            .Select(f => new EvidenceSummary(f.Id, f.ResponseId, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedBy, f.UploadedAt))
            .ToListAsync(ct);

        // Names stored before they were cleaned are shown clean too.
        files = [.. files.Select(f => f with { FileName = EvidenceFileName.Clean(f.FileName) })];
        return Outcome<EvidenceList>.Ok(new EvidenceList(access, files, access.CanAttach(user)));
    }
}
