using System.Text;

namespace Kansa;

/// <summary>
/// Normalization of identifiers (finding numbers, report pages, department names, status words):
/// NFKC so that full-width letters and digits become half-width, one kind of dash and tilde,
/// no stray spaces. Prose is never passed through here: it keeps its own characters.
/// </summary>
public static class Identifiers
{
    private const string Dashes = "‐‑‒–—―−－ｰ";
    private const string Tildes = "〜～∼";

    /// <summary>NFKC, dashes folded to '-', tildes to '~', white space trimmed and collapsed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(Dashes.Contains(c, StringComparison.Ordinal) ? '-' : Tildes.Contains(c, StringComparison.Ordinal) ? '~' : c);
        }

        return sb.ToString();
    }

    /// <summary>Like <see cref="Normalize"/> but removes every space: for numbers, pages and status words.</summary>
    public static string Compact(string? text) => Normalize(text).Replace(" ", "", StringComparison.Ordinal);
}
