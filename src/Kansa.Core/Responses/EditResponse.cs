using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>An editor changes a draft or a returned response; the version they read must still be current.</summary>
public sealed class EditResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Saves the new word and text as a new step.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, string? status, string? content, Guid? version, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<ResponseView>();
        }

        var (response, finding) = loaded.Value;
        if (!user.CanDraft(loaded.Value.DepartmentIds))
        {
            return Outcome<ResponseView>.Forbidden("回答の編集は、この指摘の所管課の担当 (editor) だけができます。");
        }

        if (response.Stage is not (ResponseStage.Draft or ResponseStage.Returned))
        {
            return Outcome<ResponseView>.Invalid("", $"{response.Stage.Label()}の回答は編集できません (編集できるのは下書きと差戻しだけです)。");
        }

        var (term, wordProblem) = await ResponseGate.CheckWordAsync(db, finding, status, ct, kept: response.Word);
        var problems = new[]
        {
            wordProblem,
            ResponseGate.Required("content", "措置の内容", content),
            version is null ? new Problem("version", "版: 読み込んだときの版を送ってください。") : null,
        }.OfType<Problem>().ToList();
        if (problems.Count > 0)
        {
            return Outcome<ResponseView>.Invalid(problems);
        }

        response.Word = term!.Word;
        response.State = term.State;
        response.Content = TextInput.Plain(content!);
        ResponseGate.AddStep(response, ResponseActions.Edited, user, time);
        return await ResponseGate.SaveAsync(db, loaded.Value, version, ct);
    }
}
