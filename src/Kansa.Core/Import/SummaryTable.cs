using System.Globalization;
using Kansa.Status;

namespace Kansa.Import;

/// <summary>
/// The summary table at the end of a status report (指摘事項 / 意見 side by side, one row per status,
/// then 合計), as read before it is checked against the listed rows.
/// </summary>
internal sealed class SummaryTable
{
    /// <summary>The largest count read: far more findings than any audit has.</summary>
    private const int MaxCount = 9999;

    private SummaryTable(int headerLine, IReadOnlyList<(FindingCategory Category, int Column)> columns)
    {
        HeaderLine = headerLine;
        Columns = columns;
    }

    public int HeaderLine { get; }

    public IReadOnlyList<(FindingCategory Category, int Column)> Columns { get; }

    public List<Entry> Entries { get; } = [];

    /// <summary>The categories with a count that could not be read: their sums are not known.</summary>
    public HashSet<FindingCategory> Unread { get; } = [];

    /// <summary>A header such as 指摘事項\t\t意見: every filled cell names a category, and there are no digits.</summary>
    public static SummaryTable? TryHeader(string[] cells, int line)
    {
        var columns = new List<(FindingCategory, int)>();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = Identifiers.Compact(cells[i]);
            if (cell.Length == 0)
            {
                continue;
            }

            if (cell.Any(char.IsAsciiDigit) || FindingCategories.Parse(cell) is not { } category || cell.Length > 6)
            {
                return null;
            }

            columns.Add((category, i));
        }

        return columns.Count == 0 ? null : new SummaryTable(line, columns);
    }

    /// <summary>Reads one row (word, count pairs under each category); adds problems for what it cannot read.</summary>
    public void ReadRow(string[] cells, int line, Func<string, FindingCategory, StatusTerm?> lookup, Action<int, int?, string> problem)
    {
        foreach (var (category, column) in Columns)
        {
            var word = column < cells.Length ? Identifiers.Compact(cells[column]) : "";
            var countText = column + 1 < cells.Length ? Identifiers.Compact(cells[column + 1]).TrimEnd('件') : "";
            if (word.Length == 0 && countText.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                problem(line, column + 1, $"集計表の{category.Label()}「{word}」の件数「{countText}」を数として読めません");
                Unread.Add(category);
                continue;
            }

            if (count > MaxCount)
            {
                // The findings the table counts but does not list are created one by one: a count in the billions
                // would exhaust memory before anything could be reported.
                problem(line, column + 1, $"集計表の{category.Label()}「{word}」の件数 {count} は大きすぎます ({MaxCount}件まで)");
                Unread.Add(category);
                continue;
            }

            if (word is Glossary.Total or "計")
            {
                Entries.Add(new Entry(line, column + 1, category, word, null, count));
            }
            else if (lookup(word, category) is { } term)
            {
                Entries.Add(new Entry(line, column + 1, category, word, term.State, count));
            }
            else
            {
                problem(line, column, $"集計表の「{word}」は{category.Label()}の対応区分として登録されていない語です");
                Unread.Add(category);
            }
        }
    }

    /// <summary>One count of the table (<paramref name="Column"/> is its count's cell); a null state is the 合計 row.</summary>
    public sealed record Entry(int Line, int Column, FindingCategory Category, string Word, StatusState? State, int Count);
}
