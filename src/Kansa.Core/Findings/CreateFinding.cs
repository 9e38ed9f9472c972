using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>Registers a finding of an audit (a coordinator's task), its number normalized as the importer does.</summary>
public sealed class CreateFinding(KansaDbContext db, TimeProvider time)
{
    /// <summary>The new finding, or why not.</summary>
    /// <param name="user">Who asks.</param>
    /// <param name="auditKey">The audit's key.</param>
    /// <param name="number">The number: R5-指-8 (any width).</param>
    /// <param name="category">指摘 or 意見, when given: must agree with the number.</param>
    /// <param name="fields">The registry fields.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<Finding>> RunAsync(StaffUser user, string? auditKey, string? number, string? category, FindingFields fields, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<Finding>.Forbidden("指摘・意見を登録できるのは取りまとめ担当とシステム管理者だけです。");
        }

        var audit = TextLimits.CanLookUp(auditKey, TextLimits.AuditKey) ? await db.Audits.FirstOrDefaultAsync(a => a.Key == auditKey, ct) : null;
        if (audit is null)
        {
            return Outcome<Finding>.Invalid("audit", $"監査: 「{auditKey}」という監査はありません。");
        }

        var refused = TextLimits.CheckAll(("number", "番号", number, TextLimits.FindingNumber), ("category", "区分", category, TextLimits.StatusWord));
        if (refused.Count > 0)
        {
            return Outcome<Finding>.Invalid(refused);
        }

        var parsed = FindingNumber.Parse(number);
        if (parsed?.Category is not { } numberCategory)
        {
            return Outcome<Finding>.Invalid("number", "番号: R5-指-8 や R5-意-30 のように、区分 (指・意) と連番を含めて入力してください。");
        }

        if (!string.IsNullOrWhiteSpace(category) && FindingCategories.Parse(category) != numberCategory)
        {
            return Outcome<Finding>.Invalid("category", $"区分: 番号「{parsed.Text}」は{numberCategory.Label()}の番号です。区分を合わせてください。");
        }

        if (await db.Findings.AnyAsync(f => f.AuditId == audit.Id && f.Number == parsed.Text, ct))
        {
            return Outcome<Finding>.Invalid("number", $"番号: 「{parsed.Text}」はこの監査にすでにあります。");
        }

        var finding = new Finding { AuditId = audit.Id, Audit = audit, Number = parsed.Text, Category = numberCategory, Sequence = parsed.Sequence };
        var problems = fields.ApplyTo(finding, await DepartmentHistory.LoadAsync(db, ct));
        if (problems.Count > 0)
        {
            return Outcome<Finding>.Invalid(problems);
        }

        // Entered this month: an import of an older document must not overwrite what the coordinator wrote.
        finding.ContentAsOf = YearMonth.FromDate(time.GetLocalNow());
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return Outcome<Finding>.Ok(finding);
    }
}
