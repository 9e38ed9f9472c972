using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Departments;

/// <summary>
/// Merges a department into another from a month (組織改編): its findings follow, counting as the surviving
/// department's for access and for reports from that month on; earlier reports keep the old department.
/// </summary>
public sealed class MergeDepartment(KansaDbContext db)
{
    /// <summary>The merged department, or why not.</summary>
    public async Task<Outcome<Department>> RunAsync(StaffUser user, int id, int intoId, YearMonth from, Guid? version, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Department>.Forbidden("所管課を統合できるのは取りまとめ担当とシステム管理者だけです。");
        }

        if (DepartmentRules.CheckFrom(from) is { } fromProblem)
        {
            return Outcome<Department>.Invalid("from", fromProblem);
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return Outcome<Department>.NotFound($"所管課 (ID {id}) はありません。");
        }

        if (version is { } v && v != department.Version)
        {
            return Outcome<Department>.Conflict(DepartmentRules.Conflict);
        }

        var into = await db.Departments.FirstOrDefaultAsync(d => d.Id == intoId, ct);
        if (into is null)
        {
            return Outcome<Department>.Invalid("into", $"統合先: 所管課 (ID {intoId}) はありません。");
        }

        if (into.Id == department.Id)
        {
            return Outcome<Department>.Invalid("into", "統合先: 同じ所管課には統合できません。");
        }

        if (department.MergedIntoId is not null)
        {
            return Outcome<Department>.Invalid("", $"「{department.Name}」はすでにほかの所管課に統合されています。");
        }

        // Only a department that still exists can take others over; this also keeps merges free of cycles.
        if (into.MergedIntoId is not null)
        {
            return Outcome<Department>.Invalid("into", $"統合先: 「{into.Name}」はすでにほかの所管課に統合されています。");
        }

        department.MergedIntoId = into.Id;
        department.MergedFrom = from;
        department.Version = Guid.NewGuid();
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<Department>.Conflict(DepartmentRules.Conflict);
        }

        return Outcome<Department>.Ok(department);
    }
}
