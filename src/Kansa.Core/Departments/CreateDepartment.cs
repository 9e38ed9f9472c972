using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Departments;

/// <summary>Registers a new department (a coordinator's task), for a finding whose department no document has named yet.</summary>
public sealed class CreateDepartment(KansaDbContext db)
{
    /// <summary>The new department, or why not.</summary>
    public async Task<Outcome<Department>> RunAsync(StaffUser user, string? name, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Department>.Forbidden("所管課を登録できるのは取りまとめ担当とシステム管理者だけです。");
        }

        // Checked before normalizing: NFKC throws on some characters (U+FFFE) that the limits refuse by field.
        if (TextLimits.Check("name", "名称", name, TextLimits.DepartmentName * 4) is { } refused)
        {
            return Outcome<Department>.Invalid([refused]);
        }

        var normalized = Identifiers.Normalize(name);
        var history = await DepartmentHistory.LoadAsync(db, ct);
        if (DepartmentRules.CheckNewName(history, normalized, null) is { } problem)
        {
            return Outcome<Department>.Invalid("name", problem);
        }

        var department = db.Departments.Add(new Department { Name = normalized }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<Department>.Ok(department);
    }
}
