using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kansa.Reminders;

/// <summary>A request whose due date is near or past while its finding has no approved or published answer.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="FindingId">The finding.</param>
/// <param name="FindingNumber">Its number.</param>
/// <param name="FindingTitle">Its title, if known.</param>
/// <param name="AuditKey">Its audit's key, for links.</param>
/// <param name="DueDate">The due date in force.</param>
/// <param name="Kind"><see cref="ReminderKinds.DueSoon"/> or <see cref="ReminderKinds.Overdue"/>.</param>
/// <param name="DaysLeft">Days until the due date (negative when past).</param>
/// <param name="DepartmentIds">The finding's departments.</param>
public sealed record DueNotice(int RequestId, int FindingId, string FindingNumber, string? FindingTitle, string AuditKey, DateOnly DueDate, string Kind, int DaysLeft, IReadOnlyList<int> DepartmentIds);

/// <summary>
/// Finds the notices due today: for the reminder job, and for dashboards. A request is answered once its finding has an
/// approved or published response to it (or, for responses not linked to a request, one started after the request).
/// </summary>
public sealed class FindDueNotices(KansaDbContext db, IOptions<ReminderSettings> settings, TimeProvider time)
{
    /// <summary>Today's notices, most urgent first; optionally only those of some departments.</summary>
    public async Task<IReadOnlyList<DueNotice>> RunAsync(IReadOnlySet<int>? departments, CancellationToken ct)
    {
        var today = settings.Value.Today(time);
        var horizon = today.AddDays(settings.Value.DueSoonDays);
        var requests = await db.ResponseRequests.AsNoTracking().Where(r => r.DueDate <= horizon)
            .Join(db.Findings, r => r.FindingId, f => f.Id, (r, f) => new { r.Id, r.FindingId, r.DueDate, r.RequestedAt, f.Number, f.Title, AuditKey = f.Audit!.Key })
            .ToListAsync(ct);
        if (requests.Count == 0)
        {
            return [];
        }

        var findingIds = requests.Select(r => r.FindingId).Distinct().ToList();

        // Dates are compared here rather than in SQL: SQLite stores DateTimeOffset as text.
        var answers = await db.Responses.AsNoTracking()
            .Where(r => findingIds.Contains(r.FindingId) && (r.Stage == ResponseStage.Approved || r.Stage == ResponseStage.Published))
            .Select(r => new { r.FindingId, r.RequestId, r.CreatedAt }).ToListAsync(ct);
        var departmentRows = await db.Set<Findings.FindingDepartment>().Where(d => findingIds.Contains(d.FindingId))
            .Select(d => new { d.FindingId, d.DepartmentId }).ToListAsync(ct);

        return [.. requests
            .Where(r => !answers.Any(a => a.FindingId == r.FindingId && ResponseRequest.IsAnsweredBy(r.Id, r.RequestedAt, a.RequestId, a.CreatedAt)))
            .Select(r => new DueNotice(r.Id, r.FindingId, r.Number, r.Title, r.AuditKey, r.DueDate,
                r.DueDate < today ? ReminderKinds.Overdue : ReminderKinds.DueSoon,
                r.DueDate.DayNumber - today.DayNumber,
                [.. departmentRows.Where(d => d.FindingId == r.FindingId).Select(d => d.DepartmentId)]))
            .Where(n => departments is null || n.DepartmentIds.Any(departments.Contains))
            .OrderBy(n => n.DueDate).ThenBy(n => n.FindingNumber, StringComparer.Ordinal)];
    }

    /// <summary>The e-mail addresses of the editors of some departments.</summary>
    public async Task<IReadOnlyList<string>> EditorAddressesAsync(IReadOnlyList<int> departments, CancellationToken ct)
    {
        var editorRole = await db.Roles.Where(r => r.Name == Roles.Editor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var addresses = await db.UserDepartments.Where(d => departments.Contains(d.DepartmentId))
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => u)
            .Where(u => u.Email != null && u.Email != "" && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == editorRole))
            .Select(u => u.Email!).Distinct().ToListAsync(ct);
        return [.. addresses.Order(StringComparer.Ordinal)];
    }
}
