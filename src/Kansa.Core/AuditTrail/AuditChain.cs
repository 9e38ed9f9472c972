using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kansa.AuditTrail;

/// <summary>The hash chain of the audit log.</summary>
public static class AuditChain
{
    /// <summary>The hash of an entry, over every field but its own hash.</summary>
    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.Actor, e.Action, e.EntityType ?? "", e.EntityKey ?? "", e.Before ?? "", e.After ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Links an entry after the previous one (null for the first) and seals it.</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous) => Seal(entry, previous?.Sequence ?? 0, previous?.Hash ?? "");

    /// <summary>Links an entry after the given sequence and hash and seals it.</summary>
    public static void Seal(AuditEntry entry, long previousSequence, string previousHash)
    {
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        entry.Hash = HashOf(entry);
    }

    /// <summary>
    /// Checks entries in sequence order; returns null when the chain is intact, else a Japanese description
    /// of the first break.
    /// </summary>
    public static string? Verify(IEnumerable<AuditEntry> entries)
    {
        long expected = 1;
        var previousHash = "";
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
            {
                return $"{expected} 番目の記録がありません (次は {e.Sequence} 番)";
            }

            if (e.PreviousHash != previousHash)
            {
                return $"{e.Sequence} 番の記録が前の記録とつながっていません";
            }

            if (HashOf(e) != e.Hash)
            {
                return $"{e.Sequence} 番の記録が書き換えられています";
            }

            previousHash = e.Hash;
            expected++;
        }

        return null;
    }
}
