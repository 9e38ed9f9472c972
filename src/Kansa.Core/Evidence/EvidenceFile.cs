namespace Kansa.Evidence;

/// <summary>
/// A file attached to a response as evidence of the measure taken (写真、規程、名簿 …). Its bytes live in the database,
/// in the same transaction as the change log line that records the upload, and are only ever served through an
/// authorized download.
/// </summary>
public sealed class EvidenceFile
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The response it supports.</summary>
    public int ResponseId { get; set; }

    /// <summary>The name the uploader gave, without any folder.</summary>
    public required string FileName { get; set; }

    /// <summary>The media type derived from the (checked) extension, never the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The bytes.</summary>
    public required byte[] Content { get; set; }

    /// <summary>Who uploaded it (user:LOGIN).</summary>
    public required string UploadedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset UploadedAt { get; set; }
}
