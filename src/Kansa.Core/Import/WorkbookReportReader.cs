namespace Kansa.Import;

/// <summary>
/// Reads a status report from a workbook as the text format is read: each sheet's non-empty rows become the lines of
/// a document (cells joined by tabs) for <see cref="StatusReportParser"/>, so the same checks apply and the same
/// <see cref="ParsedReport"/> comes out. Cells hold plain text (paragraphs separated by a blank line), so the content
/// and response cells are turned into the text format's markup first. Problems name the sheet and the cell:
/// FILE:シート名!C12: ….
/// </summary>
internal static class WorkbookReportReader
{
    /// <summary>Parses a workbook's bytes; <paramref name="source"/> names the file in problems.</summary>
    public static (ParsedReport? Report, IReadOnlyList<ImportProblem> Problems) Parse(StatusReportParser parser, string source, byte[] bytes)
    {
        if (WorkbookFile.IsOldExcel(bytes))
        {
            return Refuse(source, "Excel 97-2003 形式 (.xls) のブックは読めません。Excel で「Excel ブック (*.xlsx)」として保存し直してください");
        }

        if (!WorkbookFile.IsZip(bytes))
        {
            return Refuse(source, "xlsx 形式のブックではありません (ファイルの先頭が zip の形ではありません)");
        }

        var (rows, cellProblems, refusal) = WorkbookSheets.Read(bytes);
        if (refusal is not null)
        {
            return Refuse(source, refusal);
        }

        var problems = cellProblems.Select(p => At(source, p.Sheet, p.Row, p.Column, p.Message)).ToList();
        var (lines, places) = Lines(rows, source, problems);
        if (lines.Count == 0)
        {
            // With no line to read, the parser could only report a missing title at a line the workbook does not have.
            return problems.Count > 0 ? (null, problems) : Refuse(source, "ブックに内容のあるシートがありません (1行目に表題、3行目に見出しのあるシートが必要です)");
        }

        var (report, found) = parser.ParseLines(source, [.. lines], line => Name(places[line - 1]));
        foreach (var problem in found)
        {
            problems.Add(problem.Line is > 0 && problem.Line <= places.Count
                ? At(source, places[problem.Line - 1].Sheet, places[problem.Line - 1].Row, problem.Column ?? 0, problem.Message)
                : problem);
        }

        if (problems.Count > 0 || report is null)
        {
            return (null, problems);
        }

        // Lines of the parsed report become row numbers of their sheets, as a user finds them.
        return (report with
        {
            Audits = [.. report.Audits.Select(a => a with
            {
                Line = places[a.Line - 1].Row,
                Rows = [.. a.Rows.Select(r => r with { Line = places[r.Line - 1].Row })],
            })],
        }, []);
    }

    private static (List<string> Lines, List<WorkbookSheets.SheetRow> Places) Lines(IReadOnlyList<WorkbookSheets.SheetRow> rows, string source, List<ImportProblem> problems)
    {
        var lines = new List<string>();
        var places = new List<WorkbookSheets.SheetRow>();
        string? sheet = null;
        var skipping = false;
        ReportColumns? columns = null;
        foreach (var row in rows)
        {
            var cells = row.Cells.Select((c, i) => Usable(source, row, i, c, problems)).ToArray();
            var joined = string.Join('\t', cells);
            if (row.Sheet != sheet)
            {
                // A sheet is a document of its own: without a title first, its rows would join the previous sheet's audit.
                sheet = row.Sheet;
                columns = null;
                skipping = !ReportHeading.LooksLikeTitle(joined);
                if (skipping)
                {
                    problems.Add(At(source, row.Sheet, row.Row, 0, "シートの最初の行が表題 (例: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)) ではありません"));
                }
            }

            if (skipping)
            {
                continue;
            }

            if (ReportHeading.LooksLikeTitle(joined))
            {
                columns = null;
            }
            else if (ReportColumns.IsHeader(cells))
            {
                columns = ReportColumns.Read(cells, out _);
            }
            else if (columns is not null)
            {
                cells = AsTextFormat(cells, columns);
            }

            lines.Add(string.Join('\t', cells));
            places.Add(row);
        }

        return (lines, places);
    }

    /// <summary>
    /// A data row as the text format writes it: as many cells as the header (a sheet does not store trailing empty
    /// cells), and the content and response as markup, so that 「&lt;b&gt;」 typed in a cell stays text.
    /// </summary>
    private static string[] AsTextFormat(string[] cells, ReportColumns columns)
    {
        var padded = cells.Length >= columns.Count ? cells : [.. cells, .. Enumerable.Repeat("", columns.Count - cells.Length)];
        foreach (var role in (ReadOnlySpan<ReportColumn>)[ReportColumn.Content, ReportColumn.Response])
        {
            if (columns.Position(role) is { } i && i < padded.Length)
            {
                padded[i] = HtmlCell.FromPlainText(padded[i]);
            }
        }

        return padded;
    }

    /// <summary>A cell as one field of a line: no tab inside it, and no character Kansa cannot store (reported at its cell).</summary>
    private static string Usable(string source, WorkbookSheets.SheetRow row, int column, string cell, List<ImportProblem> problems)
    {
        if (UsableCharacters.Problem(cell) is { } problem)
        {
            problems.Add(At(source, row.Sheet, row.Row, column, problem));
            cell = UsableCharacters.Replace(cell);
        }

        return cell.Replace('\t', ' ');
    }

    private static string Name(WorkbookSheets.SheetRow place) => $"{place.Sheet}!A{place.Row}";

    private static ImportProblem At(string source, string sheet, int row, int column, string message) =>
        new(source, row, message) { Sheet = sheet, Column = column };

    private static (ParsedReport?, IReadOnlyList<ImportProblem>) Refuse(string source, string message) =>
        (null, [new ImportProblem(source, 0, message)]);
}
