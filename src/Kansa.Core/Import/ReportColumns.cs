using Kansa.Responses;

namespace Kansa.Import;

/// <summary>The roles of the seven status-report columns.</summary>
public enum ReportColumn
{
    /// <summary>番号.</summary>
    Number,

    /// <summary>報告書頁.</summary>
    Pages,

    /// <summary>区分.</summary>
    Category,

    /// <summary>所管課.</summary>
    Department,

    /// <summary>内容(報告書より抜粋).</summary>
    Content,

    /// <summary>対応区分(公表年月).</summary>
    Status,

    /// <summary>措置(対応)の内容.</summary>
    Response,
}

/// <summary>Reads a header row, whatever its spacing and widths, into column positions.</summary>
public sealed class ReportColumns
{
    private static readonly ReportColumn[] Required = [ReportColumn.Number, ReportColumn.Category, ReportColumn.Content, ReportColumn.Status];

    private readonly Dictionary<ReportColumn, int> positions;

    private ReportColumns(Dictionary<ReportColumn, int> positions, int count)
    {
        this.positions = positions;
        Count = count;
    }

    /// <summary>Number of header cells.</summary>
    public int Count { get; }

    /// <summary>
    /// Whether a line is a header row: its first cell names the number column, or, so that a header lacking
    /// that column is reported as such, most of its cells name columns and the first is no finding number.
    /// </summary>
    public static bool IsHeader(string[] cells) =>
        cells.Length > 1
        && (Classify(Identifiers.Compact(cells[0])) == ReportColumn.Number
            || (Findings.FindingNumber.Parse(cells[0]) is null
                && cells.Select(c => Classify(Identifiers.Compact(c))).OfType<ReportColumn>().Distinct().Count() >= 4));

    /// <summary>Maps header cells to roles; null with a Japanese reason when a required column is missing.</summary>
    public static ReportColumns? Read(string[] cells, out string? error)
    {
        var count = cells.Length;
        while (count > 0 && string.IsNullOrWhiteSpace(cells[count - 1]))
        {
            count--;
        }

        var map = new Dictionary<ReportColumn, int>();
        for (var i = 0; i < count; i++)
        {
            if (Classify(Identifiers.Compact(cells[i])) is { } role && !map.ContainsKey(role))
            {
                map[role] = i;
            }
        }

        var missing = Required.Where(r => !map.ContainsKey(r)).Select(r => Glossary.ReportColumns[(int)r]).ToList();
        if (missing.Count > 0)
        {
            error = $"見出し行に {string.Join("、", missing.Select(m => $"「{m}」"))} の列がありません";
            return null;
        }

        error = null;
        return new ReportColumns(map, count);
    }

    /// <summary>The cell of a role in a data row, or null when the header has no such column.</summary>
    public string? Cell(string[] cells, ReportColumn role) =>
        positions.TryGetValue(role, out var i) && i < cells.Length ? cells[i] : null;

    /// <summary>The 0-based position of a role's column, or null when the header has no such column.</summary>
    public int? Position(ReportColumn role) => positions.TryGetValue(role, out var i) ? i : null;

    private static ReportColumn? Classify(string header)
    {
        if (header == "番号" || header == "No." || header == "No")
        {
            return ReportColumn.Number;
        }

        if (header.StartsWith("対応区分", StringComparison.Ordinal) || header.StartsWith("措置区分", StringComparison.Ordinal)
            || header.Contains("公表年月", StringComparison.Ordinal) || header.StartsWith("状況", StringComparison.Ordinal)
            || header.StartsWith("対応状況", StringComparison.Ordinal) || header.StartsWith("措置状況", StringComparison.Ordinal))
        {
            return ReportColumn.Status;
        }

        if (header is "区分" or "種別" or "指摘・意見" or "指摘/意見")
        {
            return ReportColumn.Category;
        }

        if ((header.StartsWith("措置", StringComparison.Ordinal) || header.StartsWith("対応", StringComparison.Ordinal))
            && header.Contains("内容", StringComparison.Ordinal))
        {
            return ReportColumn.Response;
        }

        if (header.StartsWith("内容", StringComparison.Ordinal) || header.Contains("抜粋", StringComparison.Ordinal))
        {
            return ReportColumn.Content;
        }

        if (header.Contains("報告書", StringComparison.Ordinal) || header.Contains('頁') || header.Contains("ページ", StringComparison.Ordinal))
        {
            return ReportColumn.Pages;
        }

        if (header.Contains("所管", StringComparison.Ordinal) || header.Contains("担当", StringComparison.Ordinal) || header.EndsWith('課'))
        {
            return ReportColumn.Department;
        }

        return null;
    }
}
