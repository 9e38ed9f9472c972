using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Audits;

/// <summary>
/// Edits an audit's theme, auditor and report date (a coordinator's task), refusing a stale version. The key, kind
/// and fiscal year stay: URLs, finding numbers and re-imports rely on them.
/// </summary>
public sealed class EditAudit(KansaDbContext db)
{
    /// <summary>The edited audit, or why not.</summary>
    public async Task<Outcome<Audit>> RunAsync(StaffUser user, string key, AuditFields input, Guid? version, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Audit>.Forbidden("監査を編集できるのは取りまとめ担当とシステム管理者だけです。");
        }

        var audit = TextLimits.CanLookUp(key, TextLimits.AuditKey) ? await db.Audits.FirstOrDefaultAsync(a => a.Key == key, ct) : null;
        if (audit is null)
        {
            return Outcome<Audit>.NotFound($"監査「{key}」はありません。");
        }

        if (version is null)
        {
            return Outcome<Audit>.Invalid("version", "版: 編集の元にした版を指定してください。");
        }

        if (version != audit.Version)
        {
            return Outcome<Audit>.Conflict(AuditFields.Conflict);
        }

        var problems = input.Problems();
        if (problems.Count > 0)
        {
            return Outcome<Audit>.Invalid(problems);
        }

        if (input.Kind is not null && Identifiers.Normalize(input.Kind) != audit.Kind)
        {
            problems.Add(new Problem("kind", "監査の種類は登録後に変更できません。"));
        }

        if (input.FiscalYear is { } year && year != audit.FiscalYear)
        {
            problems.Add(new Problem("fiscalYear", "年度は登録後に変更できません。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<Audit>.Invalid(problems);
        }

        audit.Theme = AuditFields.Text(input.Theme);
        audit.Auditor = AuditFields.Text(input.Auditor);
        audit.ReportDate = input.ReportDate;
        audit.Version = Guid.NewGuid();
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<Audit>.Conflict(AuditFields.Conflict);
        }

        return Outcome<Audit>.Ok(audit);
    }
}
