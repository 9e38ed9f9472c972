using System.Globalization;
using System.Text.RegularExpressions;

namespace Kansa.Findings;

/// <summary>The pages of the audit report a finding comes from: P76~77 as written, and the parsed range.</summary>
/// <param name="Text">Normalized text: half-width, '~' for ranges, no spaces (P160~161).</param>
/// <param name="From">First page, when one can be read.</param>
/// <param name="To">Last page (equal to <paramref name="From"/> for a single page).</param>
public sealed partial record ReportPages(string Text, int? From, int? To)
{
    /// <summary>Normalizes and parses what a document wrote; empty input gives null.</summary>
    public static ReportPages? Parse(string? raw)
    {
        // P160-161 is a range too: ranges are written with ~ (PRODUCT.md §6).
        var text = HyphenRange().Replace(Identifiers.Compact(raw), "$1~$2");
        if (text.Length == 0)
        {
            return null;
        }

        var m = RangePattern().Match(text);
        if (!m.Success)
        {
            return new ReportPages(text, null, null);
        }

        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
        return new ReportPages(text, from, Math.Max(from, to));
    }

    [GeneratedRegex(@"(\d)-([Pp]?\d)")]
    private static partial Regex HyphenRange();

    [GeneratedRegex(@"(?<from>\d+)(?:~[Pp]?(?<to>\d+))?")]
    private static partial Regex RangePattern();
}
