using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>An approver of the finding's department approves a submitted response; it then waits for the next round.</summary>
public sealed class ApproveResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Submitted → Approved.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, Guid? version, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<ResponseView>();
        }

        var response = loaded.Value.Response;
        if (!user.CanApprove(loaded.Value.DepartmentIds))
        {
            return Outcome<ResponseView>.Forbidden("回答の承認は、この指摘の所管課の承認者 (approver) だけができます。");
        }

        if (response.Stage != ResponseStage.Submitted)
        {
            return Outcome<ResponseView>.Invalid("", $"{response.Stage.Label()}の回答は承認できません (承認できるのは提出済の回答だけです)。");
        }

        response.Stage = ResponseStage.Approved;
        ResponseGate.AddStep(response, ResponseActions.Approved, user, time);
        return await ResponseGate.SaveAsync(db, loaded.Value, version, ct);
    }
}
