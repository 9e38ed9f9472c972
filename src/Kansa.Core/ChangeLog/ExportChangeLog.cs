using System.Globalization;
using System.Text;

namespace Kansa.ChangeLog;

/// <summary>
/// The filtered change log as CSV (UTF-8 with BOM, so that Excel reads the Japanese), the export itself logged as
/// "export" with its filter.
/// </summary>
public sealed class ExportChangeLog(SearchChangeLog search, ChangeLogWriter log)
{
    /// <summary>The CSV bytes and the number of lines.</summary>
    public async Task<(byte[] Csv, int Count)> RunAsync(ChangeLogFilter filter, CancellationToken ct)
    {
        var lines = await search.AllAsync(filter, ct);
        await log.RecordAsync("export", nameof(ChangeEntry), null, new { Format = "csv", Filter = filter.Describe(), Lines = lines.Count }, ct);

        var text = new StringBuilder();
        text.Append("連番,日時,実行者,操作,対象の種類,対象のキー,変更前,変更後\r\n");
        foreach (var line in lines)
        {
            var at = TimeZoneInfo.ConvertTime(line.At, SearchChangeLog.Japan).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            text.AppendJoin(',', [line.Sequence.ToString(CultureInfo.InvariantCulture), at, Cell(line.Actor), Cell(line.Action), Cell(line.EntityType), Cell(line.EntityKey), Cell(line.Before), Cell(line.After)]);
            text.Append("\r\n");
        }

        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], lines.Count);
    }

    // Quoted when needed; a leading = + - @ is neutralized (reversibly) so that a spreadsheet does not run it as a formula.
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = Reports.SpreadsheetCells.Protect(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
