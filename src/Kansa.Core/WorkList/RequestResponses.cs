using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.WorkList;

/// <summary>
/// The coordinator asks the departments of many findings at once, with one due date and one note. All or nothing:
/// every finding is checked by the rules of <see cref="RequestResponse"/> first, and when any is refused, each refusal
/// is reported (one problem per finding) and no request is made. Otherwise all requests are saved in one transaction,
/// each with its own line in the change log.
/// </summary>
public sealed class RequestResponses(KansaDbContext db, RequestResponse one)
{
    /// <summary>The most findings one action may ask for: a whole audit fits, a runaway client does not.</summary>
    public const int MaxFindings = 1000;

    /// <summary>Creates one request per finding, or none.</summary>
    public async Task<Outcome<IReadOnlyList<RequestView>>> RunAsync(StaffUser user, IReadOnlyList<int> findingIds, DateOnly? dueDate, string? note, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<IReadOnlyList<RequestView>>.Forbidden(RequestResponse.ForbiddenMessage);
        }

        var refused = RequestResponse.CheckInput(dueDate, note, requireDueDate: true);
        var ids = findingIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            refused.Add(new Problem("findings", "指摘・意見: 依頼する指摘・意見を選んでください。"));
        }
        else if (ids.Count > MaxFindings)
        {
            refused.Add(new Problem("findings", $"指摘・意見: 一度に依頼できるのは {MaxFindings} 件までです ({ids.Count} 件選ばれています)。"));
        }

        if (refused.Count > 0)
        {
            return Outcome<IReadOnlyList<RequestView>>.Invalid(refused);
        }

        var findings = await db.Findings.Include(f => f.Departments).Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var states = await FindingProgress.LoadAsync(db, ids, ct);
        foreach (var id in ids)
        {
            var problem = findings.TryGetValue(id, out var finding)
                ? RequestResponse.CheckFinding(finding, states.Of(id), "findings")
                : new Problem("findings", $"指摘・意見 (id {id}) はありません。一覧を読み込み直してから選んでください。");
            if (problem is not null)
            {
                refused.Add(problem);
            }
        }

        if (refused.Count > 0)
        {
            return Outcome<IReadOnlyList<RequestView>>.Invalid(refused);
        }

        var requests = ids.Select(id => (Request: one.Create(id, dueDate!.Value, note, user), findings[id].Number)).ToList();
        db.ResponseRequests.AddRange(requests.Select(r => r.Request));

        // One save: the audit interceptor wraps the rows and their log lines in one transaction.
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<RequestView>>.Ok([.. requests.Select(r => RequestView.From(r.Request, r.Number))]);
    }
}
