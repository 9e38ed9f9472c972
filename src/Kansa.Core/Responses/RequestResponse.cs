using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>
/// The coordinator asks the finding's departments for a response by a due date. The rules live here once and are shared
/// with <see cref="WorkList.RequestResponses"/> (many findings at once): only coordinators and admins ask; the note
/// and the due date must be valid; the finding must have a department to answer and no request still open.
/// </summary>
public sealed class RequestResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Creates the request.</summary>
    public async Task<Outcome<RequestView>> RunAsync(StaffUser user, string number, string? auditKey, DateOnly? dueDate, string? note, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RequestView>.Forbidden(ForbiddenMessage);
        }

        var refused = CheckInput(dueDate, note, requireDueDate: false);
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
            return Outcome<RequestView>.Invalid("dueDate", MissingDueDate);
        }

        var states = await FindingProgress.LoadAsync(db, [found.Value.Id], ct);
        if (CheckFinding(found.Value, states.Of(found.Value.Id), "") is { } problem)
        {
            return Outcome<RequestView>.Invalid([problem]);
        }

        var request = Create(found.Value.Id, dueDate.Value, note, user);
        db.ResponseRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<RequestView>.Ok(RequestView.From(request, found.Value.Number));
    }

    /// <summary>The refusal of a person who may not ask.</summary>
    public const string ForbiddenMessage = "回答の依頼は取りまとめ担当とシステム管理者だけができます。";

    /// <summary>The problem of a request without a due date.</summary>
    public const string MissingDueDate = "期限: 期限の日付を入力してください。";

    /// <summary>Checks the note and the due date (which may be required at once, or checked after the finding).</summary>
    public static List<Problem> CheckInput(DateOnly? dueDate, string? note, bool requireDueDate)
    {
        var refused = TextLimits.CheckAll(("note", "メモ", note, TextLimits.Comment));
        if (dueDate is { } day && Calendar.YearMonth.DateRangeError(day) is { } dateError)
        {
            refused.Add(new Problem("dueDate", $"期限: {dateError}。"));
        }
        else if (dueDate is null && requireDueDate)
        {
            refused.Add(new Problem("dueDate", MissingDueDate));
        }

        return refused;
    }

    /// <summary>
    /// Why a finding cannot be asked for a response now, or null: nobody would answer a finding without a department,
    /// and a second open request would give the department two due dates for one answer (move the due date instead).
    /// </summary>
    public static Problem? CheckFinding(Findings.Finding finding, FindingState state, string field)
    {
        if (finding.Departments.Count == 0)
        {
            return new Problem(field, $"{finding.Number}: 所管課が登録されていないため、依頼できません。先に所管課を登録してください。");
        }

        return state.OpenRequestId is null ? null
            : new Problem(field, $"{finding.Number}: 回答を待っている依頼 (期限 {(state.DueDate is { } due ? Calendar.WarekiDate.Format(due) : "")}) がすでにあります。期限を変えるときは、その依頼の期限を変更してください。");
    }

    /// <summary>The new request (not yet added to the context).</summary>
    public ResponseRequest Create(int findingId, DateOnly dueDate, string? note, StaffUser user) => new()
    {
        FindingId = findingId,
        DueDate = dueDate,
        OriginalDueDate = dueDate,
        Note = string.IsNullOrWhiteSpace(note) ? null : TextInput.Plain(note),
        RequestedBy = user.Actor,
        RequestedAt = time.GetUtcNow(),
    };
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
