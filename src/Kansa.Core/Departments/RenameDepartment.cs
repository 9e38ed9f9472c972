using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Departments;

/// <summary>
/// Renames a department from a month (組織改編): reports of earlier months keep the old name, later ones show the
/// new one, and its findings stay with it.
/// </summary>
public sealed class RenameDepartment(KansaDbContext db)
{
    /// <summary>The renamed department, or why not.</summary>
    public async Task<Outcome<Department>> RunAsync(StaffUser user, int id, string? name, YearMonth from, Guid? version, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Department>.Forbidden("所管課の名称を変更できるのは取りまとめ担当とシステム管理者だけです。");
        }

        if (DepartmentRules.CheckFrom(from) is { } fromProblem)
        {
            return Outcome<Department>.Invalid("from", fromProblem);
        }

        var department = await db.Departments.Include(d => d.Names).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return Outcome<Department>.NotFound($"所管課 (ID {id}) はありません。");
        }

        if (version is { } v && v != department.Version)
        {
            return Outcome<Department>.Conflict(DepartmentRules.Conflict);
        }

        // Checked before normalizing: NFKC throws on some characters (U+FFFE) that the limits refuse by field.
        if (TextLimits.Check("name", "名称", name, TextLimits.DepartmentName * 4) is { } refused)
        {
            return Outcome<Department>.Invalid([refused]);
        }

        var normalized = Identifiers.Normalize(name);
        if (department.MergedIntoId is not null)
        {
            return Outcome<Department>.Invalid("name", $"名称: 「{department.Name}」はほかの所管課に統合されているため、名称を変更できません。");
        }

        if (normalized == department.Name)
        {
            return Outcome<Department>.Invalid("name", $"名称: 「{normalized}」は今の名称と同じです。");
        }

        if (DepartmentRules.CheckNewName(await DepartmentHistory.LoadAsync(db, ct), normalized, department.Id) is { } problem)
        {
            return Outcome<Department>.Invalid("name", problem);
        }

        var latest = department.Names.Where(n => n.From is not null).Select(n => n.From).Max();
        if (latest is { } last && from <= last)
        {
            return Outcome<Department>.Invalid("from", $"変更月: {last.ToWareki()}からの名称変更がすでにあります。それより後の月を指定してください。");
        }

        // The name it had so far becomes the name "from the start", so months before the rename still find it.
        if (department.Names.Count == 0)
        {
            department.Names.Add(new DepartmentName { Name = department.Name, From = null });
        }

        department.Names.Add(new DepartmentName { Name = normalized, From = from });
        department.Name = normalized;
        department.Version = Guid.NewGuid();
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<Department>.Conflict(DepartmentRules.Conflict);
        }

        return Outcome<Department>.Ok(department);
    }
}
