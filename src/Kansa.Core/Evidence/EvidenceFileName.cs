using System.Globalization;
using System.Text;

namespace Kansa.Evidence;

/// <summary>
/// A file name safe to store, show and send back: without the characters that make a name read other than it is.
/// A right-to-left override (U+202E) shows <c>請求書‮fdp.exe</c> as <c>請求書exe.pdf</c>; other bidi controls, zero-width
/// and format characters, control characters, line separators and lone surrogates hide or reorder text the same way,
/// or break a Content-Disposition header.
/// </summary>
public static class EvidenceFileName
{
    /// <summary>The name without control, format and separator characters (removed, not replaced: nothing shows).</summary>
    public static string Clean(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            text.Append(rune.ToString());
        }

        return text.ToString().Trim();
    }
}
