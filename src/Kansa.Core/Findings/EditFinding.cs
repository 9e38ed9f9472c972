using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>
/// Edits a finding's registry fields (a coordinator's task): how the findings an import left without content get
/// their title, excerpt, pages and departments. Number and category stay; a stale version is refused.
/// </summary>
public sealed class EditFinding(KansaDbContext db, TimeProvider time)
{
    /// <summary>The edited finding, or why not.</summary>
    public async Task<Outcome<Finding>> RunAsync(StaffUser user, string number, string? auditKey, FindingFields fields, Guid? version, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Finding>.Forbidden("指摘・意見を編集できるのは取りまとめ担当とシステム管理者だけです。");
        }

        var found = await FindingLookup.FindAsync(db, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var finding = found.Value;
        if (version is null)
        {
            return Outcome<Finding>.Invalid("version", "版: 編集の元にした版を指定してください。");
        }

        if (version != finding.Version)
        {
            return Outcome<Finding>.Conflict(FindingFields.Conflict);
        }

        var problems = fields.ApplyTo(finding, await DepartmentHistory.LoadAsync(db, ct));
        if (problems.Count > 0)
        {
            return Outcome<Finding>.Invalid(problems);
        }

        // Entered this month: an import of an older document must not overwrite what the coordinator wrote.
        finding.ContentAsOf = YearMonth.FromDate(time.GetLocalNow());
        finding.Version = Guid.NewGuid();
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<Finding>.Conflict(FindingFields.Conflict);
        }

        return Outcome<Finding>.Ok(finding);
    }
}
