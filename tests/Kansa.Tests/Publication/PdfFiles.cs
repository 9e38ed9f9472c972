using System.Diagnostics;
using System.Text.RegularExpressions;
using Kansa.OpenData;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Kansa.Tests.Publication;

/// <summary>Reads printed reports back with PdfPig, and renders a page to PNG with poppler's pdftoppm for people to look at.</summary>
public static partial class PdfFiles
{
    /// <summary>A4 in PostScript points.</summary>
    public const double A4Long = 841.89;

    /// <summary>A4's short side in points.</summary>
    public const double A4Short = 595.28;

    /// <summary>The text of every page, without any white space (PDF text runs split words at will).</summary>
    public static IReadOnlyList<string> PageTexts(PdfDocument pdf) =>
        [.. pdf.GetPages().Select(p => Compact(p.Text))];

    /// <summary>
    /// Text without white space, NFKC-folded: the PDF maps some glyphs IPAex shares between a kanji and its Kangxi radical
    /// back to the radical (月 reads as U+2F49 ⽉), which looks the same and which poppler's pdftotext folds too.
    /// </summary>
    public static string Compact(string text) => WhiteSpace().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), "");

    /// <summary>
    /// Asserts that every font program the PDF uses is in the file: each TrueType, Type 1 and CID font's descriptor has
    /// its FontFile, FontFile2 or FontFile3, and the Japanese font is among them. Type 3 fonts (Chromium's synthetic
    /// bold) draw their glyphs in the document itself; their descriptors carry no font file and need none.
    /// </summary>
    public static IReadOnlyList<string> AssertFontsEmbedded(PdfDocument pdf)
    {
        var names = new List<string>();
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (pdf.Structure.GetObject(reference).Data is not DictionaryToken font
                || !font.TryGet(NameToken.Type, out var type) || type is not NameToken { Data: "Font" }
                || !font.TryGet(NameToken.Subtype, out var subtype) || subtype is not NameToken { Data: "TrueType" or "Type1" or "MMType1" or "CIDFontType0" or "CIDFontType2" }
                || !font.TryGet(NameToken.FontDescriptor, out var link) || link is not IndirectReferenceToken descriptorReference)
            {
                continue;
            }

            var descriptor = Assert.IsType<DictionaryToken>(pdf.Structure.GetObject(descriptorReference.Data).Data);
            var name = descriptor.TryGet(NameToken.FontName, out var n) && n is NameToken fontName ? fontName.Data : "?";
            Assert.True(
                descriptor.ContainsKey(NameToken.FontFile) || descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile3),
                $"font {name} is not embedded");
            names.Add(name);
        }

        Assert.Contains(names, n => n.Contains("IPAex", StringComparison.Ordinal));
        return names;
    }

    /// <summary>Asserts that every page is A4 landscape.</summary>
    public static void AssertA4Landscape(PdfDocument pdf)
    {
        foreach (var page in pdf.GetPages())
        {
            Assert.True(Math.Abs(page.Width - A4Long) < 1 && Math.Abs(page.Height - A4Short) < 1, $"page {page.Number} is {page.Width} x {page.Height} pt");
        }
    }

    /// <summary>Renders page 1 to a PNG in the test output folder (poppler-utils' pdftoppm) and returns its path.</summary>
    public static async Task<string> FirstPagePngAsync(byte[] pdf, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "publication-output");
        Directory.CreateDirectory(dir);
        var source = Path.Combine(dir, name + ".pdf");
        await File.WriteAllBytesAsync(source, pdf);
        var info = new ProcessStartInfo("pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (string[])["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", source, Path.Combine(dir, name)])
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftoppm がありません: apt-get install poppler-utils (./test.sh を root で実行すると入ります)", e);
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftoppm: " + errors);
        }

        var png = Path.Combine(dir, name + ".png");
        Assert.True(new FileInfo(png).Length > 1000, $"{png} is empty");
        return png;
    }

    /// <summary>The finding numbers (R5-指-3) in a text.</summary>
    public static IReadOnlyList<string> Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => m.Value).Distinct()];

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"R\d+-[指意]-\d+")]
    private static partial Regex NumberPattern();
}
