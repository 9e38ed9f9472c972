using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Evidence;

/// <summary>A file to send.</summary>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its bytes.</param>
public sealed record EvidenceContent(string FileName, string ContentType, byte[] Content);

/// <summary>Hands out an evidence file to someone who may read its response, and writes the download to the change log.</summary>
public sealed class DownloadEvidence(KansaDbContext db, ChangeLogWriter log)
{
    /// <summary>The file, or NotFound (also for a file the person may not know exists).</summary>
    public async Task<Outcome<EvidenceContent>> RunAsync(StaffUser user, int evidenceId, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == evidenceId)
            .Select(f => new { f.ResponseId, f.FileName, f.ContentType, f.Sha256, f.Content }).FirstOrDefaultAsync(ct);
        var access = file is null ? null : await EvidenceAccess.LoadAsync(db, file.ResponseId, ct);
        if (file is null || access is null || !access.CanRead(user))
        {
            return Outcome<EvidenceContent>.NotFound($"証拠ファイル {evidenceId} は見つかりません。");
        }

        await log.RecordAsync("download", nameof(EvidenceFile), evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { file.ResponseId, file.FileName, file.Sha256 }, ct);
        // Files stored before names were cleaned are served under a clean name too.
        return Outcome<EvidenceContent>.Ok(new EvidenceContent(EvidenceFileName.Clean(file.FileName), file.ContentType, file.Content));
    }
}
