using Kansa.Status;
using Kansa.Audits;
using Kansa.ChangeLog;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Import;

/// <summary>
/// The rows an import creates (audits, departments, findings with their departments, status records). They are
/// written in bulk (<see cref="BulkInsert"/>), with one create line each in the change log, sealed into its chain in
/// the import's transaction: the lines EF's interceptor would write, without tracking tens of thousands of rows.
/// </summary>
public sealed class ImportedRows
{
    /// <summary>New audits.</summary>
    public List<Audit> Audits { get; } = [];

    /// <summary>New departments (named by a document, unknown so far).</summary>
    public List<Department> Departments { get; } = [];

    /// <summary>New findings, with their audit (new or stored).</summary>
    public List<(Audit Audit, Finding Finding)> Findings { get; } = [];

    /// <summary>New status records, with their finding (new or stored).</summary>
    public List<(Finding Finding, StatusRecord Record)> Records { get; } = [];

    /// <summary>
    /// Assigns keys, inserts the rows and their change-log lines, and tells the context that rows now stored are
    /// unchanged, so that its own save writes only the changes to rows that existed before the import.
    /// </summary>
    public async Task WriteAsync(KansaDbContext db, CancellationToken ct)
    {
        var newAudits = Audits.ToHashSet();
        var newFindings = Findings.Select(f => f.Finding).ToHashSet();
        var ids = await BulkInsert.NextIdsAsync<Department>(db, Departments.Count, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            Departments[i].Id = (int)ids[i];
        }

        ids = await BulkInsert.NextIdsAsync<Audit>(db, Audits.Count, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            Audits[i].Id = (int)ids[i];
        }

        ids = await BulkInsert.NextIdsAsync<Finding>(db, Findings.Count, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            var (audit, finding) = Findings[i];
            finding.Id = (int)ids[i];
            finding.AuditId = audit.Id;
        }

        // A new finding's departments are the ones its newest document named (the writer replaced them as it went).
        var findingDepartments = Findings.SelectMany(f => f.Finding.Departments).ToList();
        foreach (var (finding, link) in Findings.SelectMany(f => f.Finding.Departments.Select(d => (f.Finding, d))))
        {
            link.FindingId = finding.Id;
            link.DepartmentId = link.Department!.Id;
        }

        ids = await BulkInsert.NextIdsAsync<StatusRecord>(db, Records.Count, ct);
        for (var i = 0; i < ids.Length; i++)
        {
            var (finding, record) = Records[i];
            record.Id = (int)ids[i];
            record.FindingId = finding.Id;
        }

        var findings = Findings.Select(f => f.Finding).ToList();
        var records = Records.Select(r => r.Record).ToList();
        await BulkInsert.WriteAsync(db, Departments, withKey: true, ct);
        await BulkInsert.WriteAsync(db, Audits, withKey: true, ct);
        await BulkInsert.WriteAsync(db, findings, withKey: true, ct);
        await BulkInsert.WriteAsync(db, findingDepartments, withKey: true, ct);
        await BulkInsert.WriteAsync(db, records, withKey: true, ct);
        if (ChangeLogInterceptor.Of(db) is { } log)
        {
            IEnumerable<object> rows = [.. Departments, .. Audits, .. findings, .. findingDepartments, .. records];
            await BulkInsert.WriteAsync(db, await log.CreatedLinesAsync(db, rows, ct), withKey: false, ct);
        }

        if (BulkInsert.IsPostgres(db) && Audits.Count + Findings.Count + Records.Count > 0)
        {
            // As DataChangeNotice does for saves that log: other app instances learn of the change at commit (never on rollback).
            await db.Database.ExecuteSqlRawAsync("SELECT pg_notify('kansa_data', '')", ct);
        }

        // Stored audits and findings (tracked) now hold rows that are stored: the context must not insert them again.
        foreach (var department in Departments)
        {
            db.Entry(department).State = EntityState.Unchanged;
        }

        var inStoredAudits = Findings.Where(f => !newAudits.Contains(f.Audit)).Select(f => f.Finding).ToHashSet();
        foreach (var finding in inStoredAudits)
        {
            db.Entry(finding).State = EntityState.Unchanged;
            foreach (var link in finding.Departments)
            {
                db.Entry(link).State = EntityState.Unchanged;
            }
        }

        foreach (var (finding, record) in Records.Where(r => !newFindings.Contains(r.Finding) || inStoredAudits.Contains(r.Finding)))
        {
            db.Entry(record).State = EntityState.Unchanged;
        }
    }
}
