using Kansa.Accounts;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>
/// Corrects a published text (訂正): only an admin or coordinator, only with a reason. The published record stays;
/// a new one with the same publication month, the corrected text and the reason speaks from now on.
/// </summary>
public sealed class CorrectPublishedResponse(KansaDbContext db, TimeProvider time)
{
    /// <summary>Adds the correcting record and a "corrected" step.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, string? content, string? reason, Guid? version, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.As<ResponseView>();
        }

        if (!user.IsCoordinator)
        {
            return Outcome<ResponseView>.Forbidden("公表した内容の訂正は、取りまとめ担当とシステム管理者だけができます。");
        }

        var response = loaded.Value.Response;
        if (response.Stage != ResponseStage.Published)
        {
            return Outcome<ResponseView>.Invalid("", "訂正できるのは公表済の回答だけです。公表前の回答は所管課が編集します。");
        }

        var problems = new[]
        {
            ResponseGate.Required("content", "訂正後の内容", content),
            ResponseGate.Required("reason", "訂正の理由", reason, TextLimits.Comment),
        }.OfType<Problem>().ToList();
        if (problems.Count > 0)
        {
            return Outcome<ResponseView>.Invalid(problems);
        }

        // Ids grow with every insert; SQLite cannot order by DateTimeOffset, so the newest record is the highest id.
        var published = await db.StatusRecords.Where(r => r.ResponseId == id).OrderByDescending(r => r.Id).FirstAsync(ct);
        var now = time.GetUtcNow();
        var text = TextInput.Plain(content!);
        var why = TextInput.Plain(reason!);
        db.StatusRecords.Add(new StatusRecord
        {
            FindingId = published.FindingId,
            Word = published.Word,
            State = published.State,
            Published = published.Published,
            AsOf = published.AsOf,
            Response = text,
            Source = published.Source,
            ResponseId = id,
            CorrectionReason = why,
            RecordedBy = user.Actor,
            RecordedAt = now,
        });
        response.Content = text;
        ResponseGate.AddStep(response, ResponseActions.Corrected, user, time, why);
        return await ResponseGate.SaveAsync(db, loaded.Value, version, ct);
    }
}
