using Kansa.Accounts;
using Kansa.Reminders;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kansa.Dashboards;

/// <summary>
/// Builds a person's dashboard from the requests and responses: editors see their departments' open requests and
/// returned drafts, approvers what waits for them, coordinators, auditors and viewers the progress by department.
/// </summary>
public sealed class LoadDashboard(KansaDbContext db, FindDueNotices notices, IOptions<ReminderSettings> settings, TimeProvider time)
{
    /// <summary>The dashboard of a person.</summary>
    public async Task<Dashboard> RunAsync(StaffUser user, CancellationToken ct)
    {
        var today = settings.Value.Today(time);
        var everything = user.IsCoordinator || user.Is(Roles.Auditor) || user.Is(Roles.Viewer);
        var requests = await db.ResponseRequests.AsNoTracking()
            .Join(db.Findings, r => r.FindingId, f => f.Id, (r, f) => new { r.Id, r.FindingId, r.DueDate, r.OriginalDueDate, r.RequestedAt, f.Number, f.Title, AuditKey = f.Audit!.Key })
            .ToListAsync(ct);
        var responses = await db.Responses.AsNoTracking()
            .Join(db.Findings, r => r.FindingId, f => f.Id, (r, f) => new { r.Id, r.FindingId, r.RequestId, r.Stage, r.Word, r.CreatedAt, r.CreatedBy, f.Number, f.Title })
            .ToListAsync(ct);
        var findingDepartments = (await db.Set<Findings.FindingDepartment>().AsNoTracking().Select(d => new { d.FindingId, d.DepartmentId }).ToListAsync(ct))
            .ToLookup(d => d.FindingId, d => d.DepartmentId);
        bool Mine(int findingId) => findingDepartments[findingId].Any(user.DepartmentIds.Contains);

        // A response answers a request when linked to it, or (unlinked) when started after it was made.
        ResponseStage? LatestStage(int requestId, int findingId, DateTimeOffset requestedAt) =>
            responses.Where(r => r.FindingId == findingId && r.Stage != ResponseStage.Withdrawn && (r.RequestId == requestId || (r.RequestId is null && r.CreatedAt >= requestedAt)))
                .OrderBy(r => r.Stage is ResponseStage.Approved or ResponseStage.Published).ThenBy(r => r.Id)
                .Select(r => (ResponseStage?)r.Stage).LastOrDefault();
        var states = requests.Select(r => new
        {
            Request = r,
            Stage = LatestStage(r.Id, r.FindingId, r.RequestedAt),
        }).Select(s => new { s.Request, s.Stage, Answered = s.Stage is ResponseStage.Approved or ResponseStage.Published }).ToList();

        var open = user.Is(Roles.Editor)
            ? states.Where(s => !s.Answered && Mine(s.Request.FindingId)).OrderBy(s => s.Request.DueDate).ThenBy(s => s.Request.Number, StringComparer.Ordinal)
                .Select(s => new OpenRequest(s.Request.Id, s.Request.Number, s.Request.Title, s.Request.AuditKey, s.Request.DueDate, s.Request.OriginalDueDate, s.Stage, s.Request.DueDate < today))
                .ToList()
            : [];
        var returned = user.Is(Roles.Editor) ? await ItemsAsync(responses.Where(r => r.Stage == ResponseStage.Returned && Mine(r.FindingId)).Select(r => (r.Id, r.Number, r.Title, r.Word, r.CreatedAt, r.CreatedBy)), "returned", ct) : [];
        var waiting = user.Is(Roles.Approver) ? await ItemsAsync(responses.Where(r => r.Stage == ResponseStage.Submitted && Mine(r.FindingId)).Select(r => (r.Id, r.Number, r.Title, r.Word, r.CreatedAt, r.CreatedBy)), "submitted", ct) : [];

        IReadOnlyList<DepartmentProgress> progress = [];
        if (everything)
        {
            var names = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            progress = [.. states.SelectMany(s => findingDepartments[s.Request.FindingId].Select(d => (Department: d, State: s)))
                .GroupBy(x => x.Department)
                .Select(g => new DepartmentProgress(
                    names.GetValueOrDefault(g.Key, "?"),
                    g.Count(),
                    g.Count(x => x.State.Stage is null),
                    g.Count(x => x.State.Stage is ResponseStage.Draft or ResponseStage.Returned),
                    g.Count(x => x.State.Stage is ResponseStage.Submitted),
                    g.Count(x => x.State.Answered),
                    g.Count(x => !x.State.Answered && x.State.Request.DueDate < today)))
                .OrderByDescending(p => p.Overdue).ThenBy(p => p.Department, StringComparer.Ordinal)];
        }

        var due = await notices.RunAsync(user.IsCoordinator ? null : user.DepartmentIds, ct);
        return new Dashboard(
            user.IsCoordinator || user.Is(Roles.Editor) || user.Is(Roles.Approver) ? due : [],
            open, returned, waiting, progress, everything);
    }

    // The step that moved each response to its stage tells when, by whom and (for a return) why.
    private async Task<IReadOnlyList<ResponseItem>> ItemsAsync(IEnumerable<(int Id, string Number, string? Title, string Word, DateTimeOffset CreatedAt, string CreatedBy)> rows, string action, CancellationToken ct)
    {
        var list = rows.ToList();
        var ids = list.Select(r => r.Id).ToList();
        var steps = (await db.ResponseSteps.AsNoTracking().Where(s => ids.Contains(s.ResponseId) && s.Action == action)
                .Select(s => new { s.Id, s.ResponseId, s.At, s.By, s.Comment }).ToListAsync(ct))
            .GroupBy(s => s.ResponseId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);
        return [.. list.Select(r => steps.TryGetValue(r.Id, out var s)
                ? new ResponseItem(r.Id, r.Number, r.Title, r.Word, s.At, s.By, s.Comment)
                : new ResponseItem(r.Id, r.Number, r.Title, r.Word, r.CreatedAt, r.CreatedBy, null))
            .OrderBy(i => i.At)];
    }
}
