namespace Kansa.Import;

/// <summary>
/// Tells a workbook from a text report by its first bytes (an xlsx file is a zip archive), so that a renamed file is
/// still read as what it is; a file named .xlsx that is no zip is also sent to the workbook reader, which refuses it.
/// </summary>
public static class WorkbookFile
{
    /// <summary>Whether the file should be read as a workbook.</summary>
    public static bool IsWorkbook(string path, ReadOnlySpan<byte> bytes) =>
        IsZip(bytes) || IsOldExcel(bytes) || HasWorkbookExtension(path);

    /// <summary>
    /// A zip archive: its first local file header, or its end record within the last 64 KiB (the record and its
    /// comment), so that a workbook whose first bytes were damaged is still refused as a broken workbook rather than
    /// read as text. Text never holds the record's bytes 05 06 after PK.
    /// </summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) || bytes[Math.Max(0, bytes.Length - 65_557)..].IndexOf("PK\u0005\u0006"u8) >= 0;

    /// <summary>The compound file of Excel 97–2003 (.xls), which Kansa does not read.</summary>
    public static bool IsOldExcel(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static bool HasWorkbookExtension(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".XLSX" or ".XLSM" or ".XLS";
}
