using System.IO.Compression;
using System.Security.Cryptography;

namespace Kansa.Caching;

/// <summary>
/// One public response kept by <see cref="PublicCache"/>: its bytes as rendered and, for text, the same bytes already
/// compressed with gzip and Brotli, each with its strong ETag (a hash of the content, so every instance that renders
/// the same bytes gives the same tag and a client's copy stays valid across a change that did not touch the page).
/// </summary>
public sealed class PublicCacheEntry
{
    private PublicCacheEntry(byte[] identity, string contentType, string? disposition)
    {
        Identity = identity;
        ContentType = contentType;
        Disposition = disposition;
        Tag = Convert.ToHexStringLower(SHA256.HashData(identity).AsSpan(0, 16));
        if (identity.Length >= 256 && Compressible(contentType))
        {
            Gzip = Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));
            Brotli = Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));
        }
    }

    /// <summary>The bytes as rendered.</summary>
    public byte[] Identity { get; }

    /// <summary>The bytes compressed with gzip, for text only.</summary>
    public byte[]? Gzip { get; }

    /// <summary>The bytes compressed with Brotli, for text only.</summary>
    public byte[]? Brotli { get; }

    /// <summary>The media type.</summary>
    public string ContentType { get; }

    /// <summary>The download's file name header, when there is one.</summary>
    public string? Disposition { get; }

    /// <summary>The hash the ETags are made of.</summary>
    public string Tag { get; }

    /// <summary>The memory it takes, for the cache's size limit.</summary>
    public long Size => Identity.Length + (Gzip?.Length ?? 0) + (Brotli?.Length ?? 0) + 256;

    /// <summary>The entry for a rendered response.</summary>
    public static PublicCacheEntry Create(byte[] body, string contentType, string? disposition) => new(body, contentType, disposition);

    /// <summary>The ETag of one encoding ("" for none, "gzip", "br").</summary>
    public string ETag(string encoding) => encoding.Length == 0 ? $"\"{Tag}\"" : $"\"{Tag}-{encoding}\"";

    /// <summary>Whether an If-None-Match header names this content (in any encoding, weakly compared as RFC 9110 says).</summary>
    public bool IsMatchedBy(string? ifNoneMatch)
    {
        if (string.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (tag == "*" || tag == ETag("") || tag == ETag("gzip") || tag == ETag("br"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Compressible(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("/javascript", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> encoder)
    {
        using var buffer = new MemoryStream();
        using (var stream = encoder(buffer))
        {
            stream.Write(bytes);
        }

        return buffer.ToArray();
    }
}
