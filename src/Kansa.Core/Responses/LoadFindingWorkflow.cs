using Kansa.Accounts;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>A finding's workflow for staff: its requests, its responses with their steps, and what the person may do.</summary>
public sealed class LoadFindingWorkflow(KansaDbContext db)
{
    /// <summary>The workflow, or NotFound for a finding the person may not read.</summary>
    public async Task<Outcome<FindingWorkflow>> RunAsync(StaffUser user, string number, string? auditKey, CancellationToken ct)
    {
        var found = await ResponseGate.FindFindingAsync(db, user, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<FindingWorkflow>();
        }

        var finding = found.Value;
        // Oldest first by id: SQLite cannot order by DateTimeOffset, and ids grow with every insert.
        var requests = await db.ResponseRequests.AsNoTracking().Include(r => r.DueDateChanges)
            .Where(r => r.FindingId == finding.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var responses = await db.Responses.AsNoTracking().Include(r => r.Steps)
            .Where(r => r.FindingId == finding.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var words = await EditorWords.LoadAsync(db, ct);
        var departments = finding.Departments.Select(d => d.DepartmentId).ToList();
        return Outcome<FindingWorkflow>.Ok(new FindingWorkflow(
            finding.Audit!.Key,
            finding.Number,
            finding.Category,
            finding.Title,
            [.. finding.Departments.OrderBy(d => d.Position).Select(d => d.Department!.Name)],
            words.For(finding.Category),
            [.. requests.Select(r => RequestView.From(r, finding.Number))],
            [.. responses.Select(r => ResponseView.From(r, finding))],
            user.IsCoordinator,
            user.CanDraft(departments),
            user.CanApprove(departments)));
    }
}

/// <summary>A finding's workflow for the staff page.</summary>
/// <param name="AuditKey">The audit.</param>
/// <param name="Number">The finding's number.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Title">Its title.</param>
/// <param name="Departments">Its departments.</param>
/// <param name="Words">The status words an editor may choose (the coordinator's choice for the category).</param>
/// <param name="Requests">Requests, oldest first.</param>
/// <param name="Responses">Responses, oldest first.</param>
/// <param name="CanCoordinate">Whether the person may request, move due dates and correct.</param>
/// <param name="CanDraft">Whether the person may draft, edit and submit.</param>
/// <param name="CanApprove">Whether the person may approve and return.</param>
public sealed record FindingWorkflow(
    string AuditKey,
    string Number,
    FindingCategory Category,
    string? Title,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Words,
    IReadOnlyList<RequestView> Requests,
    IReadOnlyList<ResponseView> Responses,
    bool CanCoordinate,
    bool CanDraft,
    bool CanApprove)
{
    /// <summary>The response not yet published (nor withdrawn), if any: the one the department works on.</summary>
    public ResponseView? Active => Responses.LastOrDefault(r => r.Stage.IsUnfinished());
}
