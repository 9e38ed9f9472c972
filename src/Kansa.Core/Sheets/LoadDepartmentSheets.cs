using Kansa.Accounts;
using Kansa.Audits;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Sheets;

/// <summary>
/// The department sheets of an audit a person may hand out: a coordinator (or admin) gets every department, an editor
/// only their own; <c>department</c> narrows it to one. A row per finding that needs a response
/// (<see cref="SheetSource.NeedsResponse"/>), or with <c>includeDone</c> per finding of the department, done ones too
/// (a department that updates a published measure); a finding of several departments is on each of their sheets.
/// </summary>
public sealed class LoadDepartmentSheets(KansaDbContext db)
{
    /// <summary>The sheets, or why not.</summary>
    public async Task<Outcome<DepartmentSheets>> RunAsync(StaffUser user, string? auditKey, string? department, bool includeDone, CancellationToken ct)
    {
        if (!user.IsCoordinator && !user.Is(Roles.Editor))
        {
            return Outcome<DepartmentSheets>.Forbidden("所管課シートを扱えるのは、取りまとめ担当・システム管理者と所管課担当 (editor) です。");
        }

        if (string.IsNullOrWhiteSpace(auditKey) || !TextLimits.CanLookUp(auditKey, TextLimits.AuditKey))
        {
            return Outcome<DepartmentSheets>.Invalid("audit", "監査: 監査キーを指定してください (例: R5-包括外部監査)。");
        }

        var audit = await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Key == auditKey.Trim(), ct);
        if (audit is null)
        {
            return Outcome<DepartmentSheets>.Invalid("audit", $"監査: 監査「{auditKey.Trim()}」は登録されていません。");
        }

        var data = await SheetSource.LoadAsync(db, audit, ct);
        int? only = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            // A name no department can have (too long, U+FFFE, which NFKC cannot even normalize) is simply not found.
            var name = TextLimits.CanLookUp(department, TextLimits.DepartmentName) ? Identifiers.Normalize(department) : null;
            var found = name is null ? null : data.History.FindByName(name);
            if (found is null)
            {
                return Outcome<DepartmentSheets>.Invalid("department", $"所管課: 「{name ?? "(使えない文字を含む名前)"}」は登録されていません。");
            }

            only = data.History.SurvivorAt(found.Id, null);
            if (!user.IsCoordinator && !user.DepartmentIds.Contains(only.Value))
            {
                return Outcome<DepartmentSheets>.Forbidden($"所管課「{data.History.Departments[only.Value].Name}」はあなたの所管課ではありません。自課のシートだけを書き出せます。");
            }
        }

        var sheets = new Dictionary<int, List<SheetRow>>();
        var without = new List<string>();
        var doneLeftOut = 0;
        foreach (var f in data.Findings)
        {
            var survivors = data.Survivors(f);
            var mine = survivors.Where(d => (only is null || d == only) && (user.IsCoordinator || user.DepartmentIds.Contains(d))).ToList();
            if (!data.NeedsResponse(f.Id) && !includeDone)
            {
                doneLeftOut += mine.Count > 0 ? 1 : 0;
                continue;
            }

            if (survivors.Count == 0)
            {
                without.Add(f.Number);
            }

            foreach (var d in mine)
            {
                (sheets.TryGetValue(d, out var rows) ? rows : sheets[d] = []).Add(data.Row(f.Id)!);
            }
        }

        if (only is { } one && !sheets.ContainsKey(one))
        {
            sheets[one] = []; // an empty sheet says plainly that nothing waits for this department
        }

        var title = FiscalYears.Label(audit.FiscalYear) + audit.Kind;
        return Outcome<DepartmentSheets>.Ok(new DepartmentSheets(
            audit.Key,
            title,
            [.. sheets.Select(s => new DepartmentSheet(s.Key, data.History.Departments[s.Key].Name, s.Value)).OrderBy(s => s.Name, StringComparer.Ordinal)],
            user.IsCoordinator && only is null ? without : [],
            doneLeftOut));
    }
}
