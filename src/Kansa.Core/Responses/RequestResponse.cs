using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>The coordinator asks the finding's departments for a response by a due date.</summary>
public sealed class RequestResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Creates the request.</summary>
    public async Task<Outcome<RequestView>> RunAsync(StaffUser user, string number, string? auditKey, DateOnly? dueDate, string? note, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RequestView>.Forbidden("回答の依頼は取りまとめ担当とシステム管理者だけができます。");
        }

        var refused = TextLimits.CheckAll(("note", "note (メモ)", note, TextLimits.Comment));
        if (dueDate is { } day && Calendar.YearMonth.DateRangeError(day) is { } dateError)
        {
            refused.Add(new Problem("dueDate", $"dueDate (期限): {dateError}。"));
        }

        if (refused.Count > 0)
        {
            return Outcome<RequestView>.Invalid(refused);
        }

        var found = await ResponseGate.FindFindingAsync(db, user, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<RequestView>();
        }

        if (dueDate is null)
        {
            return Outcome<RequestView>.Invalid("dueDate", "dueDate (期限): 期限の日付を入力してください。");
        }

        var request = new ResponseRequest
        {
            FindingId = found.Value.Id,
            DueDate = dueDate.Value,
            OriginalDueDate = dueDate.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : TextInput.Plain(note),
            RequestedBy = user.Actor,
            RequestedAt = time.GetUtcNow(),
        };
        db.ResponseRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<RequestView>.Ok(RequestView.From(request, found.Value.Number));
    }
}

/// <summary>A request as pages and the API show it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Number">The finding's number.</param>
/// <param name="DueDate">The due date in force.</param>
/// <param name="OriginalDueDate">The first due date.</param>
/// <param name="Note">The note.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Changes">Every move of the due date.</param>
public sealed record RequestView(
    int Id, string Number, DateOnly DueDate, DateOnly OriginalDueDate, string? Note, string RequestedBy, DateTimeOffset RequestedAt,
    IReadOnlyList<DueDateChangeView> Changes)
{
    /// <summary>The view of a loaded request.</summary>
    public static RequestView From(ResponseRequest r, string number) => new(
        r.Id, number, r.DueDate, r.OriginalDueDate, r.Note, r.RequestedBy, r.RequestedAt,
        [.. r.DueDateChanges.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Select(c => new DueDateChangeView(c.From, c.To, c.Reason, c.ChangedBy, c.ChangedAt))]);
}

/// <summary>A move of a due date.</summary>
/// <param name="From">Before.</param>
/// <param name="To">After.</param>
/// <param name="Reason">Why.</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="ChangedAt">When.</param>
public sealed record DueDateChangeView(DateOnly From, DateOnly To, string Reason, string ChangedBy, DateTimeOffset ChangedAt);
