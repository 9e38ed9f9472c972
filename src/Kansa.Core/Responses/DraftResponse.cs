using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>An editor of one of the finding's departments starts a response: a status word and the text.</summary>
public sealed class DraftResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Creates the draft.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, string number, string? auditKey, string? status, string? content, CancellationToken ct)
    {
        var found = await ResponseGate.FindFindingAsync(db, user, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<ResponseView>();
        }

        var finding = found.Value;
        if (!user.CanDraft(finding.Departments.Select(d => d.DepartmentId)))
        {
            return Outcome<ResponseView>.Forbidden("回答の下書きは、この指摘の所管課の担当 (editor) だけが作れます。");
        }

        var (term, wordProblem) = await ResponseGate.CheckWordAsync(db, finding, status, ct);
        var problems = new[] { wordProblem, ResponseGate.Required("content", "措置の内容", content) }.OfType<Problem>().ToList();
        if (problems.Count > 0)
        {
            return Outcome<ResponseView>.Invalid(problems);
        }

        // One response at a time per finding: a second draft beside an unfinished one would split the work. This check
        // gives the early answer; the partial unique index decides between simultaneous drafts (a double click).
        if (await db.Responses.AnyAsync(r => r.FindingId == finding.Id && r.Stage != ResponseStage.Published && r.Stage != ResponseStage.Withdrawn, ct))
        {
            return Outcome<ResponseView>.Conflict(OneUnfinishedMessage(finding.Number));
        }

        // The newest request (ids grow with every insert; SQLite cannot order by DateTimeOffset).
        var requestId = await db.ResponseRequests.Where(r => r.FindingId == finding.Id)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var response = new Response
        {
            FindingId = finding.Id,
            RequestId = requestId,
            Word = term!.Word,
            State = term.State,
            Content = TextInput.Plain(content!),
            Stage = ResponseStage.Draft,
            CreatedBy = user.Actor,
            CreatedAt = time.GetUtcNow(),
        };
        ResponseGate.AddStep(response, ResponseActions.Drafted, user, time);
        db.Responses.Add(response);
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<ResponseView>.Conflict(OneUnfinishedMessage(finding.Number));
        }

        return Outcome<ResponseView>.Ok(ResponseView.From(response, finding));
    }

    private static string OneUnfinishedMessage(string number) =>
        $"{number} にはまだ公表されていない回答があります (同時に送られた下書きは1つだけ保存されます)。その回答を開いて編集してください。";
}
