using System.Security.Cryptography;
using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.Extensions.Options;

namespace Kansa.Evidence;

/// <summary>A stored evidence file as lists and the API show it (no content).</summary>
/// <param name="Id">Its id.</param>
/// <param name="ResponseId">The response.</param>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256, hex.</param>
/// <param name="UploadedBy">Who.</param>
/// <param name="UploadedAt">When.</param>
public sealed record EvidenceSummary(int Id, int ResponseId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Attaches a file to a response, after checking who asks, its size and its type (extension and first bytes).</summary>
public sealed class AttachEvidence(KansaDbContext db, IOptions<EvidenceSettings> settings, TimeProvider time)
{
    /// <summary>Stores the file; refusals name the field <c>file</c>.</summary>
    public async Task<Outcome<EvidenceSummary>> RunAsync(StaffUser user, int responseId, string? fileName, long length, Stream content, CancellationToken ct)
    {
        var access = await EvidenceAccess.LoadAsync(db, responseId, ct);
        if (access is null || !access.CanRead(user))
        {
            return Outcome<EvidenceSummary>.NotFound($"回答 {responseId} は見つかりません。");
        }

        if (!access.CanAttach(user))
        {
            return Outcome<EvidenceSummary>.Forbidden(access.Stage == ResponseStage.Published
                ? "公表済みの回答には証拠ファイルを添付できません。"
                : "この回答に証拠ファイルを添付する権限がありません (所管課の担当者が下書き・差戻し中に、または取りまとめ担当が添付できます)。");
        }

        // Cleaned before the type check, so that a hidden ".exe" is judged as what it is.
        var name = EvidenceFileName.Clean(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        if (name.Length == 0 || length == 0)
        {
            return Outcome<EvidenceSummary>.Invalid("file", "ファイル: 添付するファイルを選んでください。");
        }

        if (TextLimits.Check("file", "ファイル名", name, TextLimits.FileName) is { } nameProblem)
        {
            return Outcome<EvidenceSummary>.Invalid([nameProblem]);
        }

        var max = settings.Value.MaxBytes;
        if (length > max)
        {
            return Outcome<EvidenceSummary>.Invalid("file", $"ファイル: 「{name}」は大きすぎます ({length:N0} バイト)。{max / (1024 * 1024)} MB までのファイルを添付できます。");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > max)
        {
            return Outcome<EvidenceSummary>.Invalid("file", $"ファイル: 「{name}」は大きすぎます。{max / (1024 * 1024)} MB までのファイルを添付できます。");
        }

        var (contentType, problem) = EvidenceTypes.Check(name, bytes.AsMemory(0, Math.Min(bytes.Length, 8192)));
        if (problem is not null)
        {
            return Outcome<EvidenceSummary>.Invalid("file", problem);
        }

        var file = new EvidenceFile
        {
            ResponseId = responseId,
            FileName = name.Length > 255 ? name[^255..] : name,
            ContentType = contentType!,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = user.Actor,
            UploadedAt = time.GetUtcNow(),
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return Outcome<EvidenceSummary>.Ok(new EvidenceSummary(file.Id, file.ResponseId, file.FileName, file.ContentType, file.Size, file.Sha256, file.UploadedBy, file.UploadedAt));
    }
}
