using System.Globalization;
using System.Text;
using CsvHelper;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// Writes one CSV row per finding, UTF-8 with BOM so that Excel opens it in Japanese.
/// Columns are documented in docs/formats.md. A cell a spreadsheet would run as a formula gets a leading
/// apostrophe (<see cref="SpreadsheetCells"/>), reversibly.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    /// <summary>The header row, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["監査キー", "監査の種類", "年度", "番号", "区分", "連番", "報告書頁", "所管課", "件名", "内容", "対応区分", "状態", "公表年月", "措置(対応)の内容"];

    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public string ContentType => "text/csv; charset=utf-8";

    /// <inheritdoc />
    public string Extension => ".csv";

    /// <inheritdoc />
    public async Task WriteAsync(ReportSnapshot snapshot, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true) { NewLine = "\r\n" };
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var audit in snapshot.Audits)
        {
            foreach (var f in audit.Findings)
            {
                string?[] fields =
                [
                    audit.Key, audit.Kind, audit.FiscalYear.ToString(CultureInfo.InvariantCulture), f.Number, f.Category.Label(),
                    f.Sequence.ToString(CultureInfo.InvariantCulture), f.ReportPages, string.Join('、', f.Departments), f.Title, f.Excerpt,
                    f.Status, f.State.Code(), f.Published?.ToString(), f.Response,
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(SpreadsheetCells.Protect(field ?? ""));
                }

                await csv.NextRecordAsync();
            }
        }

        await csv.FlushAsync();
        await writer.FlushAsync(ct);
    }
}
