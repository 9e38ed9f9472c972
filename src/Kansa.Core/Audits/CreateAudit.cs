using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Audits;

/// <summary>Registers an audit (a coordinator's task) under a key made as the importer makes it: R5-包括外部監査.</summary>
public sealed class CreateAudit(KansaDbContext db)
{
    /// <summary>The new audit, or why not.</summary>
    public async Task<Outcome<Audit>> RunAsync(StaffUser user, AuditFields input, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Audit>.Forbidden("監査を登録できるのは取りまとめ担当とシステム管理者だけです。");
        }

        var problems = input.Problems();
        if (problems.Count > 0)
        {
            return Outcome<Audit>.Invalid(problems);
        }

        var kind = Identifiers.Normalize(input.Kind);
        if (kind.Length is 0 or > 100)
        {
            problems.Add(new Problem("kind", "監査の種類: 包括外部監査・定期監査のように100文字以内で入力してください。"));
        }

        // 1989 is 平成元年: the earliest year whose numbers Kansa's era letters can name.
        if (input.FiscalYear is not (>= 1989 and <= 2200))
        {
            problems.Add(new Problem("fiscalYear", "年度: 2023 (令和5年度) のように西暦で入力してください。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<Audit>.Invalid(problems);
        }

        var fiscalYear = input.FiscalYear!.Value;
        var key = $"{FiscalYears.ShortLabel(fiscalYear)}-{kind}";
        var taken = await db.Audits.Where(a => a.Key.StartsWith(key)).Select(a => a.Key).ToListAsync(ct);
        var unique = key;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{key}-{n}";
        }

        var audit = db.Audits.Add(new Audit
        {
            Key = unique,
            Kind = kind,
            FiscalYear = fiscalYear,
            Theme = AuditFields.Text(input.Theme),
            Auditor = AuditFields.Text(input.Auditor),
            ReportDate = input.ReportDate,
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<Audit>.Ok(audit);
    }
}
