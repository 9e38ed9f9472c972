using System.Globalization;
using System.Text;

namespace Kansa.Import;

/// <summary>
/// Finds decimal digits of scripts other than ASCII (after NFKC, which folds full-width ４ to 4): Arabic-Indic ٤,
/// Devanagari ४, Thai ๔ and the rest. Regular expressions' <c>\d</c> matches them but no number parser reads them,
/// so the importer names them instead of guessing.
/// </summary>
internal static class ForeignDigits
{
    /// <summary>The first such digit in the text, or null.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || !UsableCharacters.IsWellFormed(text))
        {
            return null;
        }

        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber && !(rune.IsAscii && Rune.IsDigit(rune)))
            {
                return rune.ToString();
            }
        }

        return null;
    }
}
