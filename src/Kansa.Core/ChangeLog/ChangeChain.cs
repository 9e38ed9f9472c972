using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kansa.ChangeLog;

/// <summary>
/// The chain of the change log. Each line's <see cref="ChangeEntry.Hash"/> covers its fields and the previous
/// line's hash. Lines are sealed with HMAC-SHA256 under the key kept outside the database, written as
/// <c>h1:KEYID:MAC</c> (the version and key id live inside the existing column, which holds 64 characters).
/// Lines written before Kansa had a key carry a plain SHA-256 (64 hex digits): they are accepted as "legacy"
/// only before the first sealed line. Such lines are protected by the first sealed line after them (its MAC
/// covers their last hash) and by checkpoints, but a log holding only legacy lines is protected by checkpoints
/// alone. A sealed chain still cannot show that its newest lines were removed: checkpoints kept elsewhere do.
/// </summary>
public static class ChangeChain
{
    /// <summary>The prefix of lines sealed with a key (version 1: HMAC-SHA256).</summary>
    public const string KeyedPrefix = "h1:";

    /// <summary>Links an entry after the given sequence and hash and seals it with the key.</summary>
    public static void Seal(ChangeEntry entry, long previousSequence, string previousHash, ChangeLogKey key)
    {
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        entry.Hash = KeyedHashOf(entry, key);
    }

    /// <summary>The sealed hash of an entry under a key: <c>h1:KEYID:</c> and the HMAC in base64url (55 characters).</summary>
    public static string KeyedHashOf(ChangeEntry e, ChangeLogKey key) =>
        KeyedPrefix + key.Id + ":" + Base64Url(key.Mac(Encoding.UTF8.GetBytes(Text(e))));

    /// <summary>The plain SHA-256 of an entry, as lines were written before the key (legacy).</summary>
    public static string LegacyHashOf(ChangeEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(e))));

    /// <summary>
    /// Checks entries in sequence order with the key (null when there is no key file) and checks that every
    /// checkpoint is still a prefix of the chain.
    /// </summary>
    public static ChangeChainReport Verify(IEnumerable<ChangeEntry> entries, ChangeLogKey? key, IReadOnlyList<ChangeLogCheckpoint>? checkpoints = null)
    {
        var expectedAt = (checkpoints ?? []).GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        long expected = 1, legacy = 0;
        var previousHash = "";
        var sealedSeen = false;
        foreach (var e in entries)
        {
            if (Check(e, expected, previousHash, key, ref sealedSeen) is { } problem)
            {
                return new ChangeChainReport(problem, expected - 1, legacy, previousHash);
            }

            legacy += sealedSeen ? 0 : 1;
            if (expectedAt.Remove(e.Sequence, out var atThis) && atThis.FirstOrDefault(c => c.Hash != e.Hash) is { } differs)
            {
                return new ChangeChainReport(
                    $"{e.Sequence} 番の記録がチェックポイント ({differs.At:yyyy-MM-dd HH:mm:ss}Z) の時点と違います (それ以前の記録が書き換えられ、ハッシュが計算し直されています)",
                    expected - 1, legacy, previousHash);
            }

            previousHash = e.Hash;
            expected++;
        }

        var head = expected - 1;
        if (expectedAt.Keys.Where(s => s > 0).OrderBy(s => s).FirstOrDefault() is > 0 and var missing)
        {
            return new ChangeChainReport(
                $"チェックポイントには {missing} 番までの記録がありますが、操作記録は {head} 番までしかありません (末尾の記録が削除されています)",
                head, legacy, previousHash);
        }

        return new ChangeChainReport(null, head, legacy, previousHash);
    }

    private static string? Check(ChangeEntry e, long expected, string previousHash, ChangeLogKey? key, ref bool sealedSeen)
    {
        if (e.Sequence != expected)
        {
            return $"{expected} 番の記録がありません (次は {e.Sequence} 番)";
        }

        if (e.PreviousHash != previousHash)
        {
            return $"{e.Sequence} 番の記録が前の記録とつながっていません";
        }

        if (e.Hash.StartsWith(KeyedPrefix, StringComparison.Ordinal))
        {
            sealedSeen = true;
            var id = e.Hash.Split(':') is [_, var kid, _] ? kid : "";
            if (key is null)
            {
                return $"{e.Sequence} 番の記録は鍵 {id} で封印されていますが、鍵ファイルがありません";
            }

            if (id != key.Id)
            {
                return $"{e.Sequence} 番の記録は別の鍵 ({id}) で封印されています (この鍵は {key.Id})";
            }

            // Constant-time, although only an attacker holding the database and a stopwatch would care.
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(KeyedHashOf(e, key)), Encoding.ASCII.GetBytes(e.Hash))
                ? null
                : $"{e.Sequence} 番の記録が書き換えられています (鍵による封印が合いません)";
        }

        if (sealedSeen)
        {
            return $"{e.Sequence} 番の記録に鍵の封印がありません (鍵で封印された記録のあとに、鍵のない形式の記録は書かれません)";
        }

        return LegacyHashOf(e) == e.Hash ? null : $"{e.Sequence} 番の記録が書き換えられています";
    }

    private static string Text(ChangeEntry e) => string.Join('\u001f',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        e.Actor, e.Action, e.EntityType ?? "", e.EntityKey ?? "", e.Before ?? "", e.After ?? "", e.PreviousHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The outcome of <see cref="ChangeChain.Verify"/>.</summary>
/// <param name="Problem">Null when intact, else a Japanese description of the first break.</param>
/// <param name="Head">The sequence of the last line checked.</param>
/// <param name="Legacy">How many lines (from the start) carry the plain hash of the time before the key.</param>
/// <param name="HeadHash">The hash of the last line checked.</param>
public sealed record ChangeChainReport(string? Problem, long Head, long Legacy, string HeadHash);
