using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Import;

/// <summary>
/// Checks a summary table against the listed rows and works out the findings it counts but the
/// document does not list: those are open, and their numbers are the gaps in 1..合計.
/// </summary>
internal static class SummaryCheck
{
    /// <summary>
    /// Checks the table and returns the findings it implies. When <paramref name="rowsComplete"/> is false some
    /// lines of the file could not be read, so the list lacks rows: only the table's own arithmetic is checked,
    /// since comparing it with an incomplete list would report the same problem again under another name.
    /// </summary>
    public static List<InferredFinding> Run(
        SummaryTable table,
        IReadOnlyList<ParsedRow> rows,
        bool rowsComplete,
        Func<FindingCategory, string> openWord,
        Func<FindingCategory, string> defaultPrefix,
        Action<int, int?, string> problem)
    {
        var totals = table.Columns.Select(c => c.Category).Distinct().ToDictionary(c => c, c => Total(table, c, problem));
        if (!rowsComplete)
        {
            return [];
        }

        var inferred = new List<InferredFinding>();
        foreach (var category in rows.Select(r => r.Category).Distinct().Where(c => table.Columns.All(col => col.Category != c)))
        {
            problem(table.HeaderLine, null, $"一覧に{category.Label()}がありますが、集計表に{category.Label()}の欄がありません");
        }

        foreach (var (category, _) in table.Columns)
        {
            var label = category.Label();
            var entries = table.Entries.Where(e => e.Category == category).ToList();
            var listed = rows.Where(r => r.Category == category).ToList();
            var counted = entries.Where(e => e.State is not null).ToList();
            var total = totals[category];
            var header = table.Columns.First(c => c.Category == category).Column;
            var folded = 0;
            foreach (var state in counted.Select(e => e.State!.Value).Union(listed.Select(r => r.State)).Where(s => s != StatusState.Open))
            {
                var listedCount = listed.Count(r => r.State == state);
                var rowsForState = counted.Where(e => e.State == state).ToList();
                if (rowsForState.Count > 0)
                {
                    var count = rowsForState.Sum(e => e.Count);
                    if (count != listedCount)
                    {
                        problem(rowsForState[0].Line, rowsForState[0].Column, $"集計表の{label}「{rowsForState[0].Word}」は {count} 件ですが、一覧には {listedCount} 件あります");
                    }
                }
                else if (state == StatusState.Done)
                {
                    problem(table.HeaderLine, header, $"一覧に完了した{label}が {listedCount} 件ありますが、集計表にその行がありません");
                }
                else
                {
                    // A city that counts 措置中 under 未措置 has no row of its own for it.
                    folded += listedCount;
                }
            }

            var openEntries = counted.Where(e => e.State == StatusState.Open).ToList();
            var open = openEntries.Sum(e => e.Count);
            var listedOpen = listed.Count(r => r.State == StatusState.Open) + folded;
            if (open < listedOpen)
            {
                var (line, column) = openEntries.Count > 0 ? (openEntries[0].Line, openEntries[0].Column) : (table.HeaderLine, header);
                problem(line, column, $"集計表の{label}の未完了は {open} 件ですが、一覧には未完了の{label}が {listedOpen} 件あります");
            }

            foreach (var row in listed.Where(r => r.Number.Sequence < 1 || r.Number.Sequence > total))
            {
                problem(row.Line, null, $"番号「{row.Number.Text}」の連番 {row.Number.Sequence} は集計表の{label}の合計 {total} 件の範囲 (1〜{total}) にありません");
            }

            var prefix = listed.Count > 0 ? listed[0].Number.Prefix : defaultPrefix(category);
            var taken = listed.Select(r => r.Number.Sequence).ToHashSet();
            for (var n = 1; n <= total; n++)
            {
                if (!taken.Contains(n))
                {
                    inferred.Add(new InferredFinding(FindingNumber.Compose(prefix, n), category, n, openWord(category)));
                }
            }
        }

        return inferred;
    }

    /// <summary>The 合計 of a category (the sum of its rows when it has none), checked against that sum.</summary>
    private static int Total(SummaryTable table, FindingCategory category, Action<int, int?, string> problem)
    {
        var entries = table.Entries.Where(e => e.Category == category).ToList();
        var sum = entries.Where(e => e.State is not null).Sum(e => e.Count);
        var totalEntry = entries.FirstOrDefault(e => e.State is null);
        // A count already reported as unreadable would make the sum disagree for no new reason.
        if (totalEntry is not null && totalEntry.Count != sum && !table.Unread.Contains(category))
        {
            problem(totalEntry.Line, totalEntry.Column, $"集計表の{category.Label()}の合計 {totalEntry.Count} 件が内訳の和 {sum} 件と一致しません");
        }

        return totalEntry?.Count ?? sum;
    }
}
