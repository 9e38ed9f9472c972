using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Audits;

/// <summary>The registry as the coordinator edits it: the audits, and one audit's findings with those still without content.</summary>
public sealed class LoadAuditRegistry(KansaDbContext db)
{
    /// <summary>Every audit with its counts, newest fiscal year first.</summary>
    public async Task<IReadOnlyList<AuditItem>> ListAsync(CancellationToken ct)
    {
        var audits = await db.Audits.AsNoTracking()
            .Select(a => new AuditItem(a.Key, a.Kind, a.FiscalYear, a.Theme, a.Auditor, a.ReportDate, a.Version,
                a.Findings.Count, a.Findings.Count(f => f.Title == null)))
            .ToListAsync(ct);
        return [.. audits.OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    /// <summary>One audit (null when the key is unknown).</summary>
    public async Task<AuditItem?> FindAsync(string key, CancellationToken ct) => !TextLimits.CanLookUp(key, TextLimits.AuditKey) ? null :
        await db.Audits.AsNoTracking().Where(a => a.Key == key)
            .Select(a => new AuditItem(a.Key, a.Kind, a.FiscalYear, a.Theme, a.Auditor, a.ReportDate, a.Version,
                a.Findings.Count, a.Findings.Count(f => f.Title == null)))
            .FirstOrDefaultAsync(ct);

    /// <summary>The findings of an audit in report order, with today's department names.</summary>
    public async Task<IReadOnlyList<FindingItem>> FindingsAsync(string key, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(key, TextLimits.AuditKey))
        {
            return [];
        }

        var history = await DepartmentHistory.LoadAsync(db, ct);
        var findings = await db.Findings.AsNoTracking().Where(f => f.Audit!.Key == key)
            .Select(f => new { f.Number, f.Category, f.Sequence, f.ReportPages, f.Title, Departments = f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId).ToList() })
            .ToListAsync(ct);
        return [.. findings
            .OrderBy(f => f.Category).ThenBy(f => f.Sequence).ThenBy(f => f.Number, StringComparer.Ordinal)
            .Select(f => new FindingItem(f.Number, f.Category, f.ReportPages, f.Title, history.NamesAt(f.Departments, null)))];
    }

    /// <summary>An audit with how many findings it has and how many still lack content.</summary>
    public sealed record AuditItem(string Key, string Kind, int FiscalYear, string? Theme, string? Auditor, DateOnly? ReportDate, Guid Version, int Findings, int WithoutContent)
    {
        /// <summary>令和5年度.</summary>
        public string FiscalYearLabel => FiscalYears.Label(FiscalYear);
    }

    /// <summary>A finding in the audit's list; <see cref="Title"/> null means 内容未登録.</summary>
    public sealed record FindingItem(string Number, FindingCategory Category, string? ReportPages, string? Title, IReadOnlyList<string> Departments);
}
