namespace Kansa.Import;

/// <summary>
/// Reads the cell shapes status reports are written in — text, <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;ul&gt;</c>/<c>&lt;ol&gt;</c>
/// with <c>&lt;li&gt;</c>, and the common character references — into the tree the HTML algorithm would build, without
/// AngleSharp (which took most of an import's parse time). It accepts only input whose tree is plain to see: tags that
/// nest as written, a list item only in a list, no paragraph inside a paragraph. For anything else it returns null and
/// the caller parses with AngleSharp; a property test checks that both give the same tree wherever this one answers.
/// </summary>
internal static class FastCellReader
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("<&");

    /// <summary>The body of the cell's tree, or null when the cell is not of a shape read here.</summary>
    public static CellNode? TryRead(string html)
    {
        var body = CellNode.Element("BODY");
        var open = new List<CellNode> { body };
        var text = new System.Text.StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            var next = html.AsSpan(i).IndexOfAny(Special);
            var end = next < 0 ? html.Length : i + next;
            if (!AppendPlain(text, html.AsSpan(i, end - i)))
            {
                return null;
            }

            i = end;
            if (i == html.Length)
            {
                break;
            }

            if (html[i] == '&')
            {
                if (Reference(html, ref i) is not { } decoded)
                {
                    return null;
                }

                text.Append(decoded);
                continue;
            }

            if (!Tag(html, ref i, out var name, out var closing, out var selfClosing))
            {
                return null;
            }

            Flush(open[^1], text);
            var current = open[^1].Tag;
            switch (name)
            {
                case "BR" when !closing:
                    open[^1].Children.Add(CellNode.Element("BR"));
                    break;
                case "P" when !closing && !selfClosing && current is not "P":
                case "UL" or "OL" when !closing && !selfClosing && current is not "P":
                case "LI" when !closing && !selfClosing && current is "BODY" or "UL" or "OL":
                    var element = CellNode.Element(name);
                    open[^1].Children.Add(element);
                    open.Add(element);
                    break;
                case "P" or "UL" or "OL" or "LI" when closing && current == name:
                    open.RemoveAt(open.Count - 1);
                    break;
                default:
                    return null;
            }
        }

        Flush(open[^1], text);
        return body;
    }

    private static void Flush(CellNode node, System.Text.StringBuilder text)
    {
        if (text.Length > 0)
        {
            node.AppendText(text.ToString());
            text.Clear();
        }
    }

    // Characters the HTML input stream or tokenizer would change (CR, NUL, other controls) or that need care (lone
    // surrogates) send the cell to AngleSharp.
    private static bool AppendPlain(System.Text.StringBuilder text, ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if ((c < ' ' && c is not ('\t' or '\n')) || (c >= '\u007F' && c < '\u00A0') || char.IsSurrogate(c))
            {
                return false;
            }
        }

        text.Append(span);
        return true;
    }

    /// <summary>A character reference at <paramref name="i"/> (an <c>&amp;</c>): the common named ones and plain numbers.</summary>
    private static string? Reference(string html, ref int i)
    {
        var semicolon = html.IndexOf(';', i);
        if (semicolon < 0 || semicolon - i > 10)
        {
            return null;
        }

        var name = html.AsSpan(i + 1, semicolon - i - 1);
        string? decoded = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => Number(name),
        };
        if (decoded is not null)
        {
            i = semicolon + 1;
        }

        return decoded;
    }

    private static string? Number(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return null;
        }

        var hex = name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        if (digits.Length is 0 or > 6 || !int.TryParse(
                digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        // Only the printable, unremarkable code points: the rest have replacements and errors of their own in HTML.
        var plain = code is (>= 0x20 and < 0x7F) or (>= 0xA0 and < 0xD800) or (>= 0xE000 and < 0xFDD0) or (> 0xFDEF and < 0xFFFE)
            or (>= 0x10000 and <= 0x10FFFF and not 0xFFFE and not 0xFFFF);
        return plain && (code & 0xFFFE) != 0xFFFE ? char.ConvertFromUtf32(code) : null;
    }

    /// <summary>
    /// A tag at <paramref name="i"/> (a <c>&lt;</c>): a start tag with attributes whose values are ignored, or an end tag
    /// with nothing but its name. False for anything else (comments, stray <c>&lt;</c>, odd names).
    /// </summary>
    private static bool Tag(string html, ref int i, out string name, out bool closing, out bool selfClosing)
    {
        name = "";
        selfClosing = false;
        var p = i + 1;
        closing = p < html.Length && html[p] == '/';
        if (closing)
        {
            p++;
        }

        var start = p;
        while (p < html.Length && char.IsAsciiLetterOrDigit(html[p]))
        {
            p++;
        }

        if (p == start || !char.IsAsciiLetter(html[start]) || p == html.Length)
        {
            return false;
        }

        name = html[start..p].ToUpperInvariant();
        if (closing)
        {
            if (html[p] != '>')
            {
                return false;
            }

            i = p + 1;
            return true;
        }

        while (p < html.Length)
        {
            var c = html[p];
            if (c is ' ' or '\t' or '\n')
            {
                p++;
            }
            else if (c == '>')
            {
                i = p + 1;
                return true;
            }
            else if (c == '/' && p + 1 < html.Length && html[p + 1] == '>' && name == "BR")
            {
                selfClosing = true;
                i = p + 2;
                return true;
            }
            else if (!Attribute(html, ref p))
            {
                return false;
            }
        }

        return false;
    }

    // name="value", name='value' or a bare name; the value is not used. Unquoted values and odd names go to AngleSharp.
    private static bool Attribute(string html, ref int p)
    {
        var start = p;
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] == '-'))
        {
            p++;
        }

        if (p == start || p == html.Length || !char.IsAsciiLetter(html[start]))
        {
            return false;
        }

        if (html[p] != '=')
        {
            return html[p] is ' ' or '\t' or '\n' or '>';
        }

        p++;
        if (p == html.Length || html[p] is not ('"' or '\''))
        {
            return false;
        }

        var close = html.IndexOf(html[p], p + 1);
        var value = close < 0 ? default : html.AsSpan(p + 1, close - p - 1);
        if (close < 0 || value.ContainsAny('&', '\r', '\0'))
        {
            return false;
        }

        p = close + 1;
        return p < html.Length && html[p] is ' ' or '\t' or '\n' or '>' or '/';
    }
}
