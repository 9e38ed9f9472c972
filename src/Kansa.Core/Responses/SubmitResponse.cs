using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>An editor sends a draft (or a returned response) to the department's approver.</summary>
public sealed class SubmitResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Draft or Returned → Submitted.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, Guid? version, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<ResponseView>();
        }

        var response = loaded.Value.Response;
        if (!user.CanDraft(loaded.Value.DepartmentIds))
        {
            return Outcome<ResponseView>.Forbidden("回答の提出は、この指摘の所管課の担当 (editor) だけができます。");
        }

        if (response.Stage is not (ResponseStage.Draft or ResponseStage.Returned))
        {
            return Outcome<ResponseView>.Invalid("", $"{response.Stage.Label()}の回答は提出できません。");
        }

        response.Stage = ResponseStage.Submitted;
        ResponseGate.AddStep(response, ResponseActions.Submitted, user, time);
        return await ResponseGate.SaveAsync(db, loaded.Value, version, ct);
    }
}
