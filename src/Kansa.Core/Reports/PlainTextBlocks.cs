namespace Kansa.Reports;

/// <summary>
/// The blocks of stored plain text, as every page and report renders them: paragraphs separated by a blank line,
/// and a block whose every line starts with ・ as a list. The text stays text: renderers encode it.
/// </summary>
public static class PlainTextBlocks
{
    /// <summary>One block: a paragraph (its lines kept as line breaks) or a list (one item a line).</summary>
    /// <param name="IsList">Whether every line starts with ・.</param>
    /// <param name="Lines">The lines.</param>
    public sealed record Block(bool IsList, IReadOnlyList<string> Lines);

    /// <summary>Splits the text; null or empty text has no blocks.</summary>
    public static IReadOnlyList<Block> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return [.. text.Split("\n\n").Select(block =>
        {
            var lines = block.Split('\n');
            return new Block(lines.All(l => l.StartsWith('・')), lines);
        })];
    }
}
