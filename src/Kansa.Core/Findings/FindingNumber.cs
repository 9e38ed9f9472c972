using System.Globalization;
using System.Text.RegularExpressions;

namespace Kansa.Findings;

/// <summary>
/// A finding number such as R5-指-3: a prefix (era year), the category letter and a sequence.
/// </summary>
/// <param name="Text">The normalized number.</param>
/// <param name="Prefix">Everything before the sequence digits, e.g. "R5-指-".</param>
/// <param name="Sequence">The trailing sequence number.</param>
/// <param name="Category">The category the number names, when it names one.</param>
public sealed partial record FindingNumber(string Text, string Prefix, int Sequence, FindingCategory? Category)
{
    /// <summary>Reads a number, normalizing width and dashes; null when it has no trailing sequence.</summary>
    public static FindingNumber? Parse(string? raw)
    {
        var text = Identifiers.Compact(raw);
        var m = Pattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return null;
        }

        var prefix = m.Groups["prefix"].Value;
        FindingCategory? category = prefix.Contains(Glossary.ShitekiLetter, StringComparison.Ordinal) ? FindingCategory.Finding
            : prefix.Contains(Glossary.IkenLetter, StringComparison.Ordinal) ? FindingCategory.Opinion
            : null;
        return new FindingNumber(text, prefix, seq, category);
    }

    /// <summary>The number of another sequence with the same prefix.</summary>
    public static string Compose(string prefix, int sequence) => prefix + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The prefix another category would use: R5-指- becomes R5-意-.
    /// </summary>
    public static string SwapCategory(string prefix, FindingCategory to) =>
        prefix.Replace(Glossary.ShitekiLetter, to.Letter(), StringComparison.Ordinal)
              .Replace(Glossary.IkenLetter, to.Letter(), StringComparison.Ordinal);

    // [0-9], never \d: a sequence in other digits (٣) is not a sequence Kansa can show or sort.
    [GeneratedRegex(@"^(?<prefix>.*?)(?<seq>[0-9]+)$")]
    private static partial Regex Pattern();
}
