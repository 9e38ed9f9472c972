using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kansa.ChangeLog;

/// <summary>
/// A signed statement of the change log's head (sequence, hash, time, line count) that an external auditor keeps
/// outside the system. Later, the chain must still contain that line with that hash: a removed tail or a
/// rewritten and re-hashed older line is then detected even by someone who holds the database and the key.
/// Signed with ECDSA P-256 so that it can be checked with the public key alone.
/// </summary>
public sealed record ChangeLogCheckpoint(long Sequence, string Hash, long Entries, DateTimeOffset At, string KeyId, string Signature)
{
    /// <summary>The format name written into every checkpoint file.</summary>
    public const string FormatName = "kansa-audit-checkpoint/1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Signs the current head.</summary>
    public static ChangeLogCheckpoint Create(long sequence, string hash, long entries, DateTimeOffset at, ChangeLogKey key)
    {
        var atMs = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var unsigned = new ChangeLogCheckpoint(sequence, hash, entries, atMs, key.Id, "");
        return unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.SignedBytes())) };
    }

    /// <summary>The checkpoint as the JSON file an auditor keeps.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Stored(FormatName, Sequence, Hash, Entries, At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), KeyId, Signature), Json);

    /// <summary>Reads a checkpoint file; a Japanese problem (naming the file) when it is not one.</summary>
    public static (ChangeLogCheckpoint? Checkpoint, string? Problem) Parse(string json, string name)
    {
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(json, Json);
            if (s is null || s.Format != FormatName || s.Hash is null || s.KeyId is null || s.Signature is null || s.At is null
                || s.Sequence < 0 || s.Entries < 0
                || !DateTimeOffset.TryParseExact(s.At, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return (null, $"{name}: チェックポイントの形式 ({FormatName}) ではありません");
            }

            return (new ChangeLogCheckpoint(s.Sequence, s.Hash, s.Entries, at.ToUniversalTime(), s.KeyId, s.Signature), null);
        }
        catch (JsonException e)
        {
            return (null, $"{name}:{e.LineNumber + 1}: チェックポイントの JSON として読めません");
        }
    }

    /// <summary>Whether the signature was made by the private half of this public key (SubjectPublicKeyInfo).</summary>
    public bool IsSignedBy(byte[] publicKey)
    {
        if (KeyId != ChangeLogKey.IdOf(publicKey))
        {
            return false;
        }

        try
        {
            return ChangeLogKey.VerifySignature(publicKey, SignedBytes(), Convert.FromBase64String(Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Join('\n',
        FormatName, Sequence.ToString(CultureInfo.InvariantCulture), Hash, Entries.ToString(CultureInfo.InvariantCulture),
        At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), KeyId));

    private sealed record Stored(
        [property: JsonPropertyName("format")] string? Format,
        long Sequence,
        string? Hash,
        long Entries,
        string? At,
        string? KeyId,
        string? Signature);
}
