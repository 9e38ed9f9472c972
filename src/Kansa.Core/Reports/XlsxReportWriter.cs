using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// Writes the status report as an Excel workbook (docs/formats.md, xlsx 形式): one sheet per audit with the title,
/// the theme, the seven columns, one row per listed finding (the rows of the text format) and the summary table in
/// the city's form. Every text is an inline string, never a formula. The importer reads the workbook back.
/// </summary>
public sealed class XlsxReportWriter : IReportWriter
{
    /// <summary>The row of the column header; the rows above it are the title and the theme.</summary>
    public const int HeaderRow = 3;

    // Widths in characters of the digit 0 (a Japanese character takes about two).
    private static readonly double[] Widths = [11, 9, 6, 16, 60, 14, 60];

    /// <inheritdoc />
    public string Format => "xlsx";

    /// <inheritdoc />
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <inheritdoc />
    public string Extension => ".xlsx";

    /// <inheritdoc />
    public async Task WriteAsync(ReportSnapshot snapshot, Stream output, CancellationToken ct)
    {
        var bytes = Render(snapshot);
        await output.WriteAsync(bytes, ct);
    }

    /// <summary>The workbook's bytes: the same snapshot always gives the same bytes.</summary>
    public static byte[] Render(ReportSnapshot snapshot)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();

            // The library names the part with a random id; a fixed one keeps the bytes of two exports equal.
            document.ChangeIdOfPart(workbookPart, "rIdWorkbook");
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = XlsxStyles.Create();
            var sheets = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
            var printTitles = new DefinedNames();
            var names = SheetNames.For(snapshot.Audits.Select(a => a.Key));
            for (var i = 0; i < snapshot.Audits.Count; i++)
            {
                var id = $"rIdSheet{i + 1}";
                workbookPart.AddNewPart<WorksheetPart>(id).Worksheet = Sheet(snapshot.Audits[i], first: i == 0);
                sheets.Append(new Sheet { Id = id, SheetId = (uint)(i + 1), Name = names[i] });
                printTitles.Append(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i, Text = $"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!$1:${HeaderRow}" });
            }

            if (snapshot.Audits.Count == 0)
            {
                // A workbook needs a sheet; an empty one says that there is nothing to report.
                workbookPart.AddNewPart<WorksheetPart>("rIdSheet1").Worksheet = new Worksheet(new SheetData(new Row(Text(1, 0, "監査が登録されていません", XlsxStyles.Theme)) { RowIndex = 1 }));
                sheets.Append(new Sheet { Id = "rIdSheet1", SheetId = 1, Name = "対応状況" });
            }

            workbookPart.Workbook = new Workbook(sheets);
            if (printTitles.HasChildren)
            {
                workbookPart.Workbook.Append(printTitles);
            }
        }

        return Normalize(package, snapshot);
    }

    private static Worksheet Sheet(AuditSnapshot audit, bool first)
    {
        var data = new SheetData();
        data.Append(new Row(Text(1, 0, audit.Title, XlsxStyles.Title)) { RowIndex = 1 });
        data.Append(audit.Theme is null ? new Row { RowIndex = 2 } : new Row(Text(2, 0, $"{Glossary.Theme}「{audit.Theme}」", XlsxStyles.Theme)) { RowIndex = 2 });
        data.Append(new Row(Glossary.ReportColumns.Select((h, c) => Text(HeaderRow, c, h, XlsxStyles.Header))) { RowIndex = HeaderRow });
        var row = (uint)HeaderRow;
        foreach (var f in audit.Findings.Where(f => f.State != StatusState.Open || f.Title is not null))
        {
            row++;
            data.Append(new Row(Cells(f).Select((value, c) => Text((int)row, c, value, Quoted(value) ? XlsxStyles.BodyQuoted : XlsxStyles.Body))) { RowIndex = row });
        }

        Summary(data, audit, row + 2);
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{HeaderRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{HeaderRow + 1}" } })
            { TabSelected = first, WorkbookViewId = 0 }),
            new Columns(Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            data,
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C&P / &N")));
    }

    /// <summary>The seven cells of a finding, as plain text: paragraphs separated by a blank line.</summary>
    private static string[] Cells(FindingAsOf f)
    {
        var content = f.Excerpt is null ? f.Title ?? "" : $"{f.Title}\n\n{f.Excerpt}";
        var status = f.Published is { } p ? $"{f.Status} ({p.ToShortWareki()})" : f.Status;
        return [f.Number, f.ReportPages ?? "", f.Category.Label(), string.Join('、', f.Departments), content, status, f.Response ?? ""];
    }

    /// <summary>指摘事項 and 意見 side by side: a status word and its count per row, then 合計 (as the text format writes it).</summary>
    private static void Summary(SheetData data, AuditSnapshot audit, uint row)
    {
        var categories = FindingCategories.All.Where(c => audit.Summary.Any(r => r.Category == c)).ToList();
        if (categories.Count == 0)
        {
            return;
        }

        data.Append(new Row(categories.SelectMany((c, i) => new[]
        {
            Text((int)row, i * 2, c.Label() + (c == FindingCategory.Finding ? "事項" : ""), XlsxStyles.SummaryHeader),
            Text((int)row, i * 2 + 1, "", XlsxStyles.SummaryHeader),
        })) { RowIndex = row });
        foreach (var state in audit.Summary.Select(r => r.State).Distinct().ToList())
        {
            row++;
            var cells = new List<Cell>();
            for (var i = 0; i < categories.Count; i++)
            {
                var entry = audit.Summary.FirstOrDefault(r => r.Category == categories[i] && r.State == state);
                cells.Add(Text((int)row, i * 2, entry?.Status ?? "", XlsxStyles.SummaryLabel));
                cells.Add(entry is null ? Text((int)row, i * 2 + 1, "", XlsxStyles.SummaryCount) : Number((int)row, i * 2 + 1, entry.Count));
            }

            data.Append(new Row(cells) { RowIndex = row });
        }

        row++;
        data.Append(new Row(categories.SelectMany((c, i) => new[]
        {
            Text((int)row, i * 2, Glossary.Total, XlsxStyles.SummaryLabel),
            Number((int)row, i * 2 + 1, audit.Summary.Where(r => r.Category == c).Sum(r => r.Count)),
        })) { RowIndex = row });
    }

    private static bool Quoted(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    private static Cell Text(int row, int column, string value, uint style) => value.Length == 0
        ? new Cell { CellReference = Reference(row, column), StyleIndex = style }
        : new Cell(new InlineString(new Text(XlsxText.Escape(value)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(row, column),
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell Number(int row, int column, int value) =>
        new(new CellValue(value)) { CellReference = Reference(row, column), StyleIndex = XlsxStyles.SummaryCount };

    private static string Reference(int row, int column) => $"{Import.ImportProblem.ColumnName(column)}{row}";

    /// <summary>
    /// The package again with every entry dated the report's month: the packaging library stamps the time of writing,
    /// which would make two exports of the same data differ.
    /// </summary>
    private static byte[] Normalize(MemoryStream package, ReportSnapshot snapshot)
    {
        // Zip dates run from 1980 to 2107; a report of another month gets the first of them.
        var stamp = snapshot.AsOf.Year is >= 1980 and <= 2107
            ? new DateTimeOffset(snapshot.AsOf.Year, snapshot.AsOf.Month, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        package.Position = 0;
        using var result = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return result.ToArray();
    }
}
