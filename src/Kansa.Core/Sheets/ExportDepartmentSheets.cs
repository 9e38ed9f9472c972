using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Storage;

namespace Kansa.Sheets;

/// <summary>A department sheet workbook ready to download.</summary>
/// <param name="Content">The xlsx bytes.</param>
/// <param name="FileName">A file name for it (監査キー_所管課.xlsx).</param>
/// <param name="Sheets">What it holds.</param>
public sealed record SheetFile(byte[] Content, string FileName, DepartmentSheets Sheets);

/// <summary>Writes the department sheets of an audit as an xlsx workbook, and records the export in the change log.</summary>
public sealed class ExportDepartmentSheets(KansaDbContext db, ChangeLogWriter log, TimeProvider time)
{
    /// <summary>The content type of xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook, or why not; <paramref name="includeDone"/> adds the findings that are already done.</summary>
    public async Task<Outcome<SheetFile>> RunAsync(StaffUser user, string? auditKey, string? department, bool includeDone, CancellationToken ct)
    {
        var loaded = await new LoadDepartmentSheets(db).RunAsync(user, auditKey, department, includeDone, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<SheetFile>();
        }

        var sheets = loaded.Value;
        var at = time.GetUtcNow();
        using var buffer = new MemoryStream();
        SheetWorkbookWriter.Write(sheets, at, buffer);
        await log.RecordAsync("export", "DepartmentSheet", sheets.AuditKey, new
        {
            departments = sheets.Sheets.Select(s => s.Name).ToList(),
            rows = sheets.Sheets.Sum(s => s.Rows.Count),
            includeDone,
            exportedAt = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        var name = sheets.AuditKey + (department is null || sheets.Sheets.Count != 1 ? "" : "_" + sheets.Sheets[0].Name);
        return Outcome<SheetFile>.Ok(new SheetFile(buffer.ToArray(), $"所管課シート_{name}.xlsx", sheets));
    }
}
