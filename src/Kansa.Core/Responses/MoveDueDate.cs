using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>Moves a request's due date, only with a reason; the original date and every move stay visible.</summary>
public sealed class MoveDueDate(KansaDbContext db, TimeProvider time)
{
    /// <summary>Moves the date.</summary>
    public async Task<Outcome<RequestView>> RunAsync(StaffUser user, int requestId, DateOnly? dueDate, string? reason, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RequestView>.Forbidden("期限の変更は取りまとめ担当とシステム管理者だけができます。");
        }

        var refused = TextLimits.CheckAll(("reason", "理由", reason, TextLimits.Comment));
        if (dueDate is { } day && Calendar.YearMonth.DateRangeError(day) is { } dateError)
        {
            refused.Add(new Problem("dueDate", $"期限: {dateError}。"));
        }

        if (refused.Count > 0)
        {
            return Outcome<RequestView>.Invalid(refused);
        }

        var request = await db.ResponseRequests.Include(r => r.DueDateChanges).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Outcome<RequestView>.NotFound($"依頼 {requestId} はありません。");
        }

        var problems = new List<Problem>();
        if (dueDate is null)
        {
            problems.Add(new Problem("dueDate", "期限: 新しい期限の日付を入力してください。"));
        }
        else if (dueDate == request.DueDate)
        {
            problems.Add(new Problem("dueDate", "期限: いまの期限と同じ日付です。"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new Problem("reason", "理由: 期限を変える理由を入力してください。理由のない変更はできません。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<RequestView>.Invalid(problems);
        }

        request.DueDateChanges.Add(new DueDateChange
        {
            From = request.DueDate,
            To = dueDate!.Value,
            Reason = TextInput.Plain(reason!),
            ChangedBy = user.Actor,
            ChangedAt = time.GetUtcNow(),
        });
        request.DueDate = dueDate.Value;
        await db.SaveChangesAsync(ct);
        var number = await db.Findings.Where(f => f.Id == request.FindingId).Select(f => f.Number).FirstAsync(ct);
        return Outcome<RequestView>.Ok(RequestView.From(request, number));
    }
}
