namespace Kansa.Evidence;

/// <summary>Settings of evidence files (section <c>Kansa:Evidence</c>).</summary>
public sealed class EvidenceSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kansa:Evidence";

    /// <summary>The largest file accepted, in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
