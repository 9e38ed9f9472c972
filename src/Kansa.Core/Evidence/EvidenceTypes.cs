namespace Kansa.Evidence;

/// <summary>
/// The file types accepted as evidence. Both the extension and the first bytes must agree, so that a renamed
/// executable or HTML page is refused; the stored media type comes from here, never from the browser.
/// </summary>
public static class EvidenceTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, (string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => b.Span.StartsWith(Pdf)),
        [".png"] = ("image/png", b => b.Span.StartsWith(Png)),
        [".jpg"] = ("image/jpeg", b => b.Span.StartsWith(Jpeg)),
        [".jpeg"] = ("image/jpeg", b => b.Span.StartsWith(Jpeg)),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b => b.Span.StartsWith(Zip)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b => b.Span.StartsWith(Zip)),
        [".csv"] = ("text/csv", IsText),
        [".txt"] = ("text/plain", IsText),
    };

    /// <summary>The extensions accepted, for messages.</summary>
    public const string Allowed = "PDF、PNG、JPEG、Excel (xlsx)、Word (docx)、CSV、テキスト (txt)";

    /// <summary>The media type for a file name and its first bytes, or a Japanese reason for refusing it.</summary>
    public static (string? ContentType, string? Problem) Check(string fileName, ReadOnlyMemory<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type))
        {
            return (null, $"ファイル: 「{fileName}」の種類は添付できません。添付できるのは {Allowed} です。");
        }

        return type.Matches(head)
            ? (type.ContentType, null)
            : (null, $"ファイル: 「{fileName}」の中身が拡張子 {extension.ToLowerInvariant()} の形式ではありません。");
    }

    // Text has no signature: accept it when the start holds no control bytes but tab, line breaks and form feed.
    // Shift_JIS and UTF-8 (with or without BOM) both pass; binary files almost never do.
    private static bool IsText(ReadOnlyMemory<byte> head)
    {
        foreach (var b in head.Span)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
            {
                return false;
            }
        }

        return !head.Span.StartsWith(Zip) && !head.Span.StartsWith(Pdf);
    }
}
