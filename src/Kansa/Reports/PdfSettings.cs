namespace Kansa.Reports;

/// <summary>How the official report is printed to PDF (section <c>Kansa:Pdf</c>; environment <c>KANSA_Kansa__Pdf__Chromium</c>).</summary>
public sealed class PdfSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kansa:Pdf";

    /// <summary>The Chromium program: a path, or a name looked up on PATH (Debian's package installs <c>chromium</c>).</summary>
    public string Chromium { get; set; } = "chromium";

    /// <summary>How long one print may take before it is stopped.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>How many prints may run at once (each is a browser process).</summary>
    public int MaxConcurrent { get; set; } = 2;
}
