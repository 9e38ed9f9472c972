using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Reminders;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kansa.WorkList;

/// <summary>
/// The staff work list: every finding the person may read (coordinators, admins, auditors and viewers all; editors and
/// approvers those of their departments, as <see cref="StaffUser.CanRead"/> decides), filtered and paged.
/// </summary>
public sealed class ListWorkItems(KansaDbContext db, IOptions<ReminderSettings> settings, TimeProvider time)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>One page of the list, with the choices of the filter form.</summary>
    public async Task<Outcome<WorkListPage>> RunAsync(StaffUser user, WorkListFilter filter, CancellationToken ct)
    {
        if (!TextLimits.CanLookUp(filter.Audit, TextLimits.AuditKey) || !TextLimits.CanLookUp(filter.Number, TextLimits.FindingNumber * 4))
        {
            return Outcome<WorkListPage>.Invalid("audit", "監査または番号が長すぎます。");
        }

        if (filter.Page < 1)
        {
            return Outcome<WorkListPage>.Invalid("page", "ページ: 1 以上の数で指定してください。");
        }

        var everything = user.CanRead([]);
        var query = db.Findings.AsNoTracking();
        if (!everything)
        {
            var mine = user.DepartmentIds.ToList();
            query = query.Where(f => f.Departments.Any(d => mine.Contains(d.DepartmentId)));
        }

        if (!string.IsNullOrEmpty(filter.Audit))
        {
            query = query.Where(f => f.Audit!.Key == filter.Audit);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(f => f.Departments.Any(d => d.DepartmentId == department));
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = Identifiers.Compact(filter.Number);
            query = query.Where(f => f.Number == number);
        }

        // Audits in the order they were registered, findings in report order: the same in SQL and in memory on both engines.
        var ordered = query.OrderBy(f => f.AuditId).ThenBy(f => f.Category).ThenBy(f => f.Sequence).ThenBy(f => f.Id)
            .Select(f => new Candidate(f.Id, f.Audit!.Key, f.Category, f.Number));
        var today = settings.Value.Today(time);
        int total;
        List<(Candidate Finding, FindingState State)> shown;
        if (filter.Stage is null && filter.DueBy is null && !filter.Overdue)
        {
            // Without a filter on the workflow, the database pages the findings and only the page's states are read.
            total = await query.CountAsync(ct);
            var page = await ordered.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            var pageStates = await FindingProgress.LoadAsync(db, [.. page.Select(c => c.Id)], ct);
            shown = [.. page.Select(c => (c, pageStates.Of(c.Id)))];
        }
        else
        {
            var states = await FindingProgress.LoadAsync(db, null, ct);
            var rows = (await ordered.ToListAsync(ct)).Select(c => (Finding: c, State: states.Of(c.Id)))
                .Where(r => filter.Stage is null || r.State.Stage == filter.Stage)
                .Where(r => filter.DueBy is null || (r.State.DueDate is { } due && due <= filter.DueBy))
                .Where(r => !filter.Overdue || r.State.IsOverdue(today))
                .ToList();
            total = rows.Count;
            shown = [.. rows.Skip((filter.Page - 1) * PageSize).Take(PageSize)];
        }

        var ids = shown.Select(r => r.Finding.Id).ToList();
        var details = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Title, Departments = f.Departments.OrderBy(d => d.Position).Select(d => d.Department!.Name).ToList() })
            .ToDictionaryAsync(f => f.Id, ct);
        var items = shown.Select(r => new WorkItem(
            r.Finding.Id, r.Finding.AuditKey, r.Finding.Number, r.Finding.Category, details[r.Finding.Id].Title, details[r.Finding.Id].Departments,
            r.State.Stage, r.State.DueDate, r.State.IsOverdue(today))).ToList();

        var audits = await db.Audits.AsNoTracking().OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Key).Select(a => a.Key).ToListAsync(ct);
        var departmentQuery = db.Departments.AsNoTracking().Where(d => d.MergedIntoId == null);
        if (!everything)
        {
            var mine = user.DepartmentIds.ToList();
            departmentQuery = departmentQuery.Where(d => mine.Contains(d.Id));
        }

        var departments = (await departmentQuery.Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(ct))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        return Outcome<WorkListPage>.Ok(new WorkListPage(items, total, filter.Page, PageSize, today, audits, departments, user.IsCoordinator));
    }

    private sealed record Candidate(int Id, string AuditKey, FindingCategory Category, string Number);
}

/// <summary>The filters of the work list; every one is optional.</summary>
/// <param name="Audit">An audit key.</param>
/// <param name="DepartmentId">A department.</param>
/// <param name="Stage">A stage.</param>
/// <param name="DueBy">Only open requests due on or before this day.</param>
/// <param name="Overdue">Only open requests past their due date.</param>
/// <param name="Number">A finding number (normalized), to find one finding or the audits that share its number.</param>
/// <param name="Page">The page, from 1.</param>
public sealed record WorkListFilter(string? Audit = null, int? DepartmentId = null, WorkStage? Stage = null, DateOnly? DueBy = null, bool Overdue = false, string? Number = null, int Page = 1);

/// <summary>One row of the work list.</summary>
/// <param name="FindingId">The finding's id (what the bulk request takes).</param>
/// <param name="AuditKey">Its audit.</param>
/// <param name="Number">Its number.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="Title">Its title, if registered.</param>
/// <param name="Departments">Its departments in document order.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="DueDate">The open request's due date.</param>
/// <param name="Overdue">Whether that date has passed.</param>
public sealed record WorkItem(int FindingId, string AuditKey, string Number, FindingCategory Category, string? Title, IReadOnlyList<string> Departments, WorkStage Stage, DateOnly? DueDate, bool Overdue);

/// <summary>A department the filter offers.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its current name.</param>
public sealed record DepartmentChoice(int Id, string Name);

/// <summary>A page of the work list.</summary>
/// <param name="Items">The rows.</param>
/// <param name="Total">Rows matching the filter on all pages.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Today">The day overdue was decided against.</param>
/// <param name="Audits">Audit keys to filter by.</param>
/// <param name="Departments">Departments to filter by.</param>
/// <param name="CanRequest">Whether the person may request responses (the bulk action).</param>
public sealed record WorkListPage(
    IReadOnlyList<WorkItem> Items, int Total, int Page, int PageSize, DateOnly Today,
    IReadOnlyList<string> Audits, IReadOnlyList<DepartmentChoice> Departments, bool CanRequest)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
