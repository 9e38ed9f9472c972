using System.Globalization;
using System.Text.RegularExpressions;

namespace Kansa.Findings;

/// <summary>The pages of the audit report a finding comes from: P76~77 as written, and the parsed range.</summary>
/// <param name="Text">Normalized text: half-width, '~' for ranges, no spaces (P160~161).</param>
/// <param name="From">First page, when one can be read.</param>
/// <param name="To">Last page (equal to <paramref name="From"/> for a single page).</param>
public sealed partial record ReportPages(string Text, int? From, int? To)
{
    /// <summary>The largest page number Kansa reads: no audit report has more pages.</summary>
    public const int MaxPage = 99_999;

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

        // A page number that does not fit (P99999999999) is unreadable, not a crash: the caller names the field.
        if (!TryPage(m.Groups["from"].Value, out var from))
        {
            return new ReportPages(text, null, null);
        }

        var to = from;
        if (m.Groups["to"].Success && !TryPage(m.Groups["to"].Value, out to))
        {
            return new ReportPages(text, null, null);
        }

        return new ReportPages(text, from, Math.Max(from, to));
    }

    private static bool TryPage(string digits, out int page) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page <= MaxPage;

    // [0-9], never \d: \d matches Arabic-Indic digits (P٤٥) that NFKC does not fold and int.Parse refuses.
    [GeneratedRegex(@"([0-9])-([Pp]?[0-9])")]
    private static partial Regex HyphenRange();

    [GeneratedRegex(@"(?<from>[0-9]+)(?:~[Pp]?(?<to>[0-9]+))?")]
    private static partial Regex RangePattern();
}
