using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kansa.Sheets;

/// <summary>
/// Text in a workbook cell (ST_Xstring): a character XML cannot hold is written <c>_xHHHH_</c>, and a literal
/// <c>_xHHHH_</c> in the text gets its underscore escaped (<c>_x005F_</c>), as Excel does; reading reverses both, so a
/// text goes out and comes back unchanged.
/// </summary>
public static partial class XlsxText
{
    /// <summary>The text as a cell stores it.</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && IsHex(text.AsSpan(i + 2, 4)) && text[i + 6] == '_')
            {
                sb.Append("_x005F_");
            }
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                sb.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The text a cell stores, with its escapes undone.</summary>
    public static string Decode(string stored) =>
        stored.Contains("_x", StringComparison.Ordinal)
            ? Escape().Replace(stored, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : stored;

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();
}
