using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Kansa.Import;

/// <summary>
/// Turns an HTML cell of a status report into plain text: paragraphs separated by a blank line,
/// list items as lines starting with ・. Markup is read, never kept.
/// </summary>
public static partial class HtmlCell
{
    // A parser per thread: an import reads its files in parallel.
    [ThreadStatic]
    private static HtmlParser? parser;

    private static readonly System.Buffers.SearchValues<char> PlainTextEnds = System.Buffers.SearchValues.Create("<&\r\0");

    private static readonly HashSet<string> BlockTags =
        new(StringComparer.OrdinalIgnoreCase) { "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "TR", "TABLE", "SECTION" };

    // Their content is code, not words of the document: a cell that carries a script must not turn it into prose.
    private static readonly HashSet<string> IgnoredTags =
        new(StringComparer.OrdinalIgnoreCase) { "SCRIPT", "STYLE", "TEMPLATE" };

    /// <summary>The blocks of a cell: paragraphs and list blocks (list items joined by newlines).</summary>
    public static IReadOnlyList<string> ToBlocks(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        var reader = new BlockReader();
        if (html.AsSpan().IndexOfAny(PlainTextEnds) < 0)
        {
            // No markup, no character reference, nothing the HTML input stream rewrites: one text node, without parsing.
            reader.Text(html);
            reader.FlushInline();
            return reader.Blocks;
        }

        reader.Walk(Tree(html));
        reader.FlushInline();
        return reader.Blocks;
    }

    /// <summary>The cell's tree: read directly for the usual shapes, by AngleSharp's full HTML algorithm otherwise.</summary>
    internal static CellNode Tree(string html) => FastCellReader.TryRead(html) ?? TreeByAngleSharp(html);

    /// <summary>The cell's tree as AngleSharp builds it.</summary>
    internal static CellNode TreeByAngleSharp(string html) => CellNode.FromHtml(parser ??= new HtmlParser(), html);

    /// <summary>The cell as plain text.</summary>
    public static string? ToPlainText(string? html)
    {
        var blocks = ToBlocks(html);
        return blocks.Count == 0 ? null : string.Join("\n\n", blocks);
    }

    /// <summary>Writes plain text back as the seed's markup, escaped: paragraphs as &lt;p&gt;, ・ lines as a list.</summary>
    public static string FromPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var block in text.Split("\n\n"))
        {
            var lines = block.Split('\n');
            if (lines.All(l => l.StartsWith('・')))
            {
                parts.Add("<ul style=\"list-style-type: none\"> " + string.Join(' ', lines.Select(Escape)) + " </ul>");
            }
            else
            {
                parts.Add("<p>" + string.Join("<br>", lines.Select(Escape)) + "</p>");
            }
        }

        return string.Join(' ', parts);
    }

    private static string Escape(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string CollapseLine(string s) => Spaces().Replace(s, " ").Trim();

    /// <summary>The words of a node: ignored elements left out, line breaks kept.</summary>
    private static string TextOf(CellNode node)
    {
        var sb = new StringBuilder();
        AppendText(node, sb);
        return sb.ToString();
    }

    private static void AppendText(CellNode node, StringBuilder sb)
    {
        switch (node)
        {
            case { Text: { } text }:
                sb.Append(text);
                break;
            case { Tag: "BR" }:
                sb.Append('\n');
                break;
            case { Tag: { } tag } when IgnoredTags.Contains(tag):
                break;
            default:
                foreach (var child in node.Children)
                {
                    AppendText(child, sb);
                }

                break;
        }
    }

    // HTML collapses only its own white space (and &nbsp; is a space to a reader); an ideographic space
    // inside Japanese prose is one of the writer's characters and stays.
    [GeneratedRegex(@"[ \t\n\r\f\u00A0]+")]
    private static partial Regex Spaces();

    // A list item starts at ・ preceded by white space or the start: 「調書平面図・台帳」 stays one item.
    [GeneratedRegex(@"(?:^|\s)・")]
    private static partial Regex ItemStart();

    private sealed class BlockReader
    {
        private readonly StringBuilder inline = new();
        private bool listContinues;

        public List<string> Blocks { get; } = [];

        public void Text(string text) => inline.Append(text);

        public void Walk(CellNode node)
        {
            foreach (var child in node.Children)
            {
                switch (child)
                {
                    case { Text: { } text }:
                        inline.Append(text);
                        break;
                    case { Tag: "BR" }:
                        inline.Append('\n');
                        break;
                    case { Tag: { } tag } when IgnoredTags.Contains(tag):
                        break;
                    case { Tag: "UL" or "OL" } list:
                        FlushInline();
                        WalkList(list);
                        break;
                    case { Tag: "LI" } item:
                        FlushInline();
                        AddItem(item);
                        break;
                    case { Tag: { } tag } element when BlockTags.Contains(tag):
                        FlushInline();
                        Walk(element);
                        FlushInline();
                        break;
                    default:
                        Walk(child);
                        break;
                }
            }
        }

        public void FlushInline()
        {
            var lines = inline.ToString().Split('\n').Select(CollapseLine).Where(l => l.Length > 0).ToList();
            inline.Clear();
            if (lines.Count > 0)
            {
                AddBlock(string.Join('\n', lines), list: false);
            }
        }

        private void WalkList(CellNode list)
        {
            var text = new StringBuilder();
            listContinues = false;
            foreach (var child in list.Children)
            {
                switch (child)
                {
                    case { Tag: "LI" } item:
                        FlushListText(text);
                        AddItem(item);
                        break;
                    case { Tag: "UL" or "OL" } nested:
                        FlushListText(text);
                        WalkList(nested);
                        listContinues = false;
                        break;
                    case { Tag: { } tag } element when BlockTags.Contains(tag):
                        // An unclosed <ul> swallows the paragraphs after it: they are paragraphs again.
                        FlushListText(text);
                        Walk(element);
                        FlushInline();
                        break;
                    default:
                        // A <br> between two ・ items separates them like a space.
                        text.Append(TextOf(child).Replace('\n', ' '));
                        break;
                }
            }

            FlushListText(text);
        }

        private void AddItem(CellNode item)
        {
            var content = CollapseLine(TextOf(item)).TrimStart('・').TrimStart();
            if (content.Length > 0)
            {
                AddBlock("・" + content, list: true);
            }
        }

        private void FlushListText(StringBuilder text)
        {
            var collapsed = CollapseLine(text.ToString());
            text.Clear();
            if (collapsed.Length == 0)
            {
                return;
            }

            var starts = ItemStart().Matches(collapsed);
            var lead = (starts.Count == 0 ? collapsed : collapsed[..starts[0].Index]).Trim();
            if (lead.Length > 0)
            {
                AddBlock(lead, list: false);
            }

            for (var i = 0; i < starts.Count; i++)
            {
                var begin = starts[i].Index + starts[i].Length;
                var end = i + 1 < starts.Count ? starts[i + 1].Index : collapsed.Length;
                var item = collapsed[begin..end].Trim();
                if (item.Length > 0)
                {
                    AddBlock("・" + item, list: true);
                }
            }
        }

        private void AddBlock(string text, bool list)
        {
            // Consecutive items of one list form one block.
            if (list && listContinues)
            {
                Blocks[^1] += "\n" + text;
                return;
            }

            Blocks.Add(text);
            listContinues = list;
        }
    }
}
