using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>A finding's place in the work: its stage, and its open request (the one a department still owes).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="OpenRequestId">The open request, if any.</param>
/// <param name="DueDate">The open request's due date in force.</param>
public sealed record FindingState(WorkStage Stage, int? OpenRequestId, DateOnly? DueDate)
{
    /// <summary>Whether the open request's due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => DueDate is { } due && due < today;
}

/// <summary>
/// Derives every finding's <see cref="FindingState"/> from the workflow tables. A request is open until the finding has an
/// approved or published response to it (linked to it, or unlinked and started after it): the same rule as the
/// reminders (<see cref="Reminders.FindDueNotices"/>). The stage is, in this order:
/// the stage of the response being worked on (下書き, 提出済, 差戻し, 承認済);
/// else 依頼中 when a request is open;
/// else 公表済 when the latest published status is done or will-not-implement;
/// else 未依頼 (never published, or last published as open or in progress).
/// </summary>
public static class FindingProgress
{
    /// <summary>
    /// The state of every finding (or of the given ones) that has any workflow or status row; a finding missing from the
    /// answer is 未依頼.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, FindingState>> LoadAsync(KansaDbContext db, IReadOnlyCollection<int>? findingIds, CancellationToken ct)
    {
        var requestRows = db.ResponseRequests.AsNoTracking();
        var responseRows = db.Responses.AsNoTracking().Where(r => r.Stage != ResponseStage.Withdrawn);
        var recordRows = db.StatusRecords.AsNoTracking();
        if (findingIds is not null)
        {
            requestRows = requestRows.Where(r => findingIds.Contains(r.FindingId));
            responseRows = responseRows.Where(r => findingIds.Contains(r.FindingId));
            recordRows = recordRows.Where(r => findingIds.Contains(r.FindingId));
        }

        var requests = await requestRows.Select(r => new { r.Id, r.FindingId, r.DueDate, r.RequestedAt }).ToListAsync(ct);
        var responses = await responseRows.Select(r => new { r.Id, r.FindingId, r.RequestId, r.Stage, r.CreatedAt }).ToListAsync(ct);
        var records = await recordRows.Select(s => new { s.Id, s.FindingId, s.State, s.Published, s.AsOf }).ToListAsync(ct);

        var answers = responses.Where(r => r.Stage is ResponseStage.Approved or ResponseStage.Published).ToLookup(r => r.FindingId);

        // Dates are compared here rather than in SQL: SQLite stores DateTimeOffset as text.
        var open = requests
            .Where(q => !answers[q.FindingId].Any(a => ResponseRequest.IsAnsweredBy(q.Id, q.RequestedAt, a.RequestId, a.CreatedAt)))
            .GroupBy(q => q.FindingId)
            .ToDictionary(g => g.Key, g => g.MaxBy(q => q.Id)!);
        var working = responses.Where(r => r.Stage.IsUnfinished()).GroupBy(r => r.FindingId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.Stage);
        var closed = records.GroupBy(s => s.FindingId)
            .Select(g => g.OrderBy(s => s.Published ?? s.AsOf).ThenBy(s => s.Id).Last())
            .Where(s => s.State is StatusState.Done or StatusState.WillNotImplement)
            .Select(s => s.FindingId).ToHashSet();

        var states = new Dictionary<int, FindingState>();
        foreach (var id in open.Keys.Concat(working.Keys).Concat(closed).Distinct())
        {
            var request = open.GetValueOrDefault(id);
            var stage = working.TryGetValue(id, out var s) ? FromResponse(s)
                : request is not null ? WorkStage.Requested
                : closed.Contains(id) ? WorkStage.Published
                : WorkStage.NotRequested;
            states[id] = new FindingState(stage, request?.Id, request?.DueDate);
        }

        return states;
    }

    /// <summary>The state of one finding, from <see cref="LoadAsync"/>'s answer.</summary>
    public static FindingState Of(this IReadOnlyDictionary<int, FindingState> states, int findingId) =>
        states.TryGetValue(findingId, out var s) ? s : new FindingState(WorkStage.NotRequested, null, null);

    private static WorkStage FromResponse(ResponseStage stage) => stage switch
    {
        ResponseStage.Draft => WorkStage.Draft,
        ResponseStage.Submitted => WorkStage.Submitted,
        ResponseStage.Returned => WorkStage.Returned,
        _ => WorkStage.Approved,
    };
}
