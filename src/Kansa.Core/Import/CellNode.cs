using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kansa.Import;

/// <summary>
/// The part of a cell's HTML tree that <see cref="HtmlCell"/> reads: elements by tag name (upper case, as the DOM names
/// HTML elements) and text. Built by <see cref="FastCellReader"/> for the shapes status reports use, and from
/// AngleSharp's document for everything else, so both read the same way.
/// </summary>
internal sealed class CellNode
{
    private CellNode(string? tag, string? text) => (Tag, Text) = (tag, text);

    /// <summary>The element's tag name, upper case for HTML; null for text.</summary>
    public string? Tag { get; }

    /// <summary>The text of a text node; null for an element.</summary>
    public string? Text { get; private set; }

    /// <summary>The element's children.</summary>
    public List<CellNode> Children { get; } = [];

    /// <summary>An element.</summary>
    public static CellNode Element(string tag) => new(tag, null);

    /// <summary>Appends text, joined to a text node just before it (the DOM never holds two adjacent text nodes).</summary>
    public void AppendText(string text)
    {
        if (Children.Count > 0 && Children[^1].Text is { } last)
        {
            Children[^1].Text = last + text;
        }
        else
        {
            Children.Add(new CellNode(null, text));
        }
    }

    /// <summary>Parses the cell with AngleSharp (the full HTML algorithm) and returns its body.</summary>
    public static CellNode FromHtml(HtmlParser parser, string html)
    {
        var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return From(document.Body!);
    }

    /// <summary>The tree as a string (tags in brackets, text in quotes), to compare two trees.</summary>
    public override string ToString() =>
        Text is { } text ? "\"" + text + "\"" : "<" + Tag + ">" + string.Concat(Children.Select(c => c.ToString())) + "</>";

    private static CellNode From(INode node)
    {
        var result = Element(node is IElement e ? e.TagName : "BODY");
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    result.AppendText(text.Data);
                    break;
                case IElement:
                    result.Children.Add(From(child));
                    break;

                // Comments and the like carry no words.
            }
        }

        return result;
    }
}
