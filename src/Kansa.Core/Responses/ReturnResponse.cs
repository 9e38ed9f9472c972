using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>An approver sends a submitted response back to the editor with a comment.</summary>
public sealed class ReturnResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Submitted → Returned, with the comment on the step.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, string? comment, Guid? version, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<ResponseView>();
        }

        var response = loaded.Value.Response;
        if (!user.CanApprove(loaded.Value.DepartmentIds))
        {
            return Outcome<ResponseView>.Forbidden("回答の差戻しは、この指摘の所管課の承認者 (approver) だけができます。");
        }

        if (response.Stage != ResponseStage.Submitted)
        {
            return Outcome<ResponseView>.Invalid("", $"{response.Stage.Label()}の回答は差し戻せません (差し戻せるのは提出済の回答だけです)。");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return Outcome<ResponseView>.Invalid("comment", "コメント: 差し戻す理由を入力してください。");
        }

        if (TextLimits.Check("comment", "コメント", comment, TextLimits.Comment) is { } refused)
        {
            return Outcome<ResponseView>.Invalid([refused]);
        }

        response.Stage = ResponseStage.Returned;
        ResponseGate.AddStep(response, ResponseActions.Returned, user, time, TextInput.Plain(comment));
        return await ResponseGate.SaveAsync(db, loaded.Value, version, ct);
    }
}
