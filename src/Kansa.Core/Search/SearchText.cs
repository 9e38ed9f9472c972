using System.Globalization;
using System.Text;

namespace Kansa.Search;

/// <summary>
/// Folding and quoting of search text. The indexed text and the query are folded the same way (NFKC); the query is
/// split into words that must all match (AND), and each word is only ever passed to the engine as data.
/// </summary>
public static class SearchText
{
    /// <summary>At most this many words are used; the rest are ignored.</summary>
    public const int MaxTerms = 8;

    /// <summary>A word longer than this is cut.</summary>
    public const int MaxTermLength = 100;

    /// <summary>NFKC, with control characters other than line breaks replaced by spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(c != '\n' && char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>The words of a query: folded, split at white space (全角スペース included), each once, in order.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var words = Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. words.Select(w => w.Length > MaxTermLength ? w[..MaxTermLength] : w)
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)];
    }

    /// <summary>Whether the trigram index can find the word: three characters (code points) or more.</summary>
    public static bool HasTrigram(string term) => term.EnumerateRunes().Count() >= 3;

    /// <summary>A LIKE pattern matching the word anywhere, lower-cased, with <c>\</c>, <c>%</c> and <c>_</c> escaped by <c>\</c>.</summary>
    public static string LikePattern(string term)
    {
        var sb = new StringBuilder(term.Length + 4).Append('%');
        foreach (var c in term.ToLowerInvariant())
        {
            if (c is '\\' or '%' or '_')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('%').ToString();
    }

    /// <summary>An FTS5 query that matches every word as a phrase (quoted, inner quotes doubled): never FTS5 syntax.</summary>
    public static string FtsQuery(IEnumerable<string> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Compares case-insensitively, as the engines do.</summary>
    public static CompareInfo Compare { get; } = CultureInfo.InvariantCulture.CompareInfo;
}
