namespace Kansa.Search;

/// <summary>
/// Marks the searched words in folded text, as runs of plain and marked text: the page and the API encode every run,
/// so nothing of the text or the query is ever markup.
/// </summary>
public static class Highlight
{
    /// <summary>Characters shown around the first match in an excerpt.</summary>
    public const int Context = 50;

    /// <summary>The whole text with every occurrence of the words marked.</summary>
    public static IReadOnlyList<MarkedText> Mark(string text, IReadOnlyList<string> terms) => Runs(text, 0, text.Length, terms);

    /// <summary>A short excerpt around the first word found (or the start), with the words marked and … where cut.</summary>
    public static IReadOnlyList<MarkedText> Snippet(string text, IReadOnlyList<string> terms, int length = Context * 3)
    {
        text = text.Replace("\n\n", " / ", StringComparison.Ordinal).Replace('\n', ' ');
        var first = terms.Select(t => IndexOf(text, t, 0)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Context);
        var end = Math.Min(text.Length, start + length);
        if (end - start < length)
        {
            start = Math.Max(0, end - length);
        }

        // Never split a surrogate pair.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var runs = new List<MarkedText>();
        if (start > 0)
        {
            runs.Add(new MarkedText("…", false));
        }

        runs.AddRange(Runs(text, start, end, terms));
        if (end < text.Length)
        {
            runs.Add(new MarkedText("…", false));
        }

        return runs;
    }

    private static List<MarkedText> Runs(string text, int start, int end, IReadOnlyList<string> terms)
    {
        var marked = new bool[end - start];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var i = IndexOf(text, term, start); i >= 0 && i < end; i = IndexOf(text, term, i + 1))
            {
                for (var j = i; j < Math.Min(end, i + term.Length); j++)
                {
                    marked[j - start] = true;
                }
            }
        }

        var runs = new List<MarkedText>();
        for (var i = start; i < end;)
        {
            var j = i;
            while (j < end && marked[j - start] == marked[i - start])
            {
                j++;
            }

            runs.Add(new MarkedText(text[i..j], marked[i - start]));
            i = j;
        }

        return runs;
    }

    private static int IndexOf(string text, string term, int from) =>
        from >= text.Length ? -1 : text.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);

    /// <summary>The runs as HTML: every run encoded, the marked ones in &lt;mark&gt;.</summary>
    public static string ToHtml(IEnumerable<MarkedText> runs) => string.Concat(runs.Select(r =>
        r.Mark ? "<mark>" + System.Net.WebUtility.HtmlEncode(r.Text) + "</mark>" : System.Net.WebUtility.HtmlEncode(r.Text)));
}
