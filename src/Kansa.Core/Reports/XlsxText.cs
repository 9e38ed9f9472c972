using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Kansa.Reports;

/// <summary>
/// Text in a workbook cell. XML cannot carry most control characters, so spreadsheets write them as <c>_xHHHH_</c>
/// (ECMA-376 ST_Xstring), and a literal <c>_xHHHH_</c> in the text as <c>_x005F_xHHHH_</c>. Writing and reading
/// both ways keeps every character of a value across an export and an import.
/// </summary>
public static partial class XlsxText
{
    /// <summary>The value as written into a cell.</summary>
    public static string Escape(string value)
    {
        var literal = Escaped().Replace(value, m => "_x005F" + m.Value);
        if (literal.All(XmlConvert.IsXmlChar))
        {
            return literal;
        }

        var sb = new StringBuilder(literal.Length + 16);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (char.IsHighSurrogate(c) && i + 1 < literal.Length && char.IsLowSurrogate(literal[i + 1]))
            {
                sb.Append(c).Append(literal[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return sb.ToString();
    }

    /// <summary>The value a cell's text stands for; line ends as LF.</summary>
    public static string Unescape(string text)
    {
        var value = text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups["hex"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;
        return value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    [GeneratedRegex("_x(?<hex>[0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
