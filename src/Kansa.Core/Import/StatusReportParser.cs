using System.Text.RegularExpressions;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Status;

namespace Kansa.Import;

/// <summary>
/// Reads the status-report text (PRODUCT.md §3): page blocks of title, theme, header and rows, and a
/// closing summary table. Every problem is reported with its line; a file with problems yields no report.
/// </summary>
public sealed partial class StatusReportParser(StatusVocabulary vocabulary)
{
    private StatusVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>Parses decoded text. <paramref name="source"/> names the file in problems.</summary>
    public (ParsedReport? Report, IReadOnlyList<ImportProblem> Problems) Parse(string source, string text)
    {
        var run = new Run(this, source, null);
        run.ReadAll(SourceText.SplitLines(text));
        return run.Finish();
    }

    /// <summary>
    /// Parses lines whose cells are already split out (a workbook's rows, cells joined by tabs). <paramref name="lineName"/>
    /// names a line where a message refers to another one (「12行目」 in a text file, 「シート!A12」 in a workbook).
    /// </summary>
    internal (ParsedReport? Report, IReadOnlyList<ImportProblem> Problems) ParseLines(string source, string[] lines, Func<int, string> lineName)
    {
        var run = new Run(this, source, lineName);
        run.ReadAll(lines);
        return run.Finish();
    }

    /// <summary>Reads and parses a file, detecting its encoding.</summary>
    public async Task<(ParsedReport? Report, IReadOnlyList<ImportProblem> Problems)> ParseFileAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return (null, [new ImportProblem(path, 0, "ファイルが見つかりません")]);
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        return WorkbookFile.IsWorkbook(path, bytes) ? WorkbookReportReader.Parse(this, path, bytes) : Parse(path, SourceText.Decode(bytes));
    }

    private static bool IsPageFooter(string compact) => PageFooter().IsMatch(compact);

    private static bool IsDashRow(string[] cells) =>
        cells.Any(c => c.Trim().Length > 0) && cells.All(c => c.Trim().Length == 0 || c.Trim().All(ch => ch is '-' or 'ー' or '－' or '―'));

    private static string? ThemeOf(string line)
    {
        var m = ThemePattern().Match(line.Trim());
        return m.Success ? m.Groups["theme"].Value.Trim() : null;
    }

    private static IReadOnlyList<string> SplitDepartments(string? cell) =>
        [.. HtmlCell.ToBlocks(cell)
            .SelectMany(b => DepartmentSeparators().Split(b))
            .Select(Identifiers.Normalize)
            .Where(n => n.Length > 0)
            .Distinct()];

    [GeneratedRegex(@"^(?:-?\d{1,4}-?|\d{1,4}/\d{1,4}|P\.?\d{1,4})$")]
    private static partial Regex PageFooter();

    [GeneratedRegex(@"^テーマ\s*[:：]?\s*(?:[「『](?<theme>.*)[」』]|(?<theme>.+))$")]
    private static partial Regex ThemePattern();

    [GeneratedRegex(@"[、,，/／\n]")]
    private static partial Regex DepartmentSeparators();

    private enum State
    {
        Start,
        Page,
        Rows,
        Summary,
        Skipping,
    }

    private sealed class AuditBuilder(int line, ReportHeading heading, string? theme)
    {
        public int Line { get; } = line;

        public ReportHeading Heading { get; } = heading;

        public string? Theme { get; set; } = theme;

        public List<ParsedRow> Rows { get; } = [];

        public Dictionary<string, int> NumberLines { get; } = new(StringComparer.Ordinal);

        public SummaryTable? Summary { get; set; }
    }
}
