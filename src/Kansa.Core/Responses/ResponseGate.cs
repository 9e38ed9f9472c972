using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Responses;

/// <summary>A response loaded for a use case, with the finding whose departments decide who may act.</summary>
/// <param name="Response">The response, tracked, with its steps.</param>
/// <param name="Finding">Its finding, with audit and departments.</param>
public sealed record LoadedResponse(Response Response, Finding Finding)
{
    /// <summary>The finding's department ids.</summary>
    public IEnumerable<int> DepartmentIds => Finding.Departments.Select(d => d.DepartmentId);

    /// <summary>The view of it.</summary>
    public ResponseView View => ResponseView.From(Response, Finding);
}

/// <summary>Loading, reading rules and saving shared by the response use cases.</summary>
public static class ResponseGate
{
    /// <summary>The message for a response one may not know of: the same as for one that does not exist.</summary>
    public static string NotFoundMessage(int id) => $"回答 {id} はありません。";

    /// <summary>The response, if it exists and the person may read its finding; else NotFound (never telling which).</summary>
    public static async Task<Outcome<LoadedResponse>> LoadAsync(KansaDbContext db, StaffUser user, int id, CancellationToken ct)
    {
        var response = await db.Responses.Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (response is null)
        {
            return Outcome<LoadedResponse>.NotFound(NotFoundMessage(id));
        }

        var finding = await db.Findings.Include(f => f.Audit).Include(f => f.Departments).ThenInclude(d => d.Department)
            .FirstAsync(f => f.Id == response.FindingId, ct);
        return user.CanRead(finding.Departments.Select(d => d.DepartmentId))
            ? Outcome<LoadedResponse>.Ok(new LoadedResponse(response, finding))
            : Outcome<LoadedResponse>.NotFound(NotFoundMessage(id));
    }

    /// <summary>A finding by number that the person may read; one they may not read is reported as not found.</summary>
    public static async Task<Outcome<Finding>> FindFindingAsync(KansaDbContext db, StaffUser user, string number, string? auditKey, CancellationToken ct)
    {
        var found = await FindingLookup.FindAsync(db, number, auditKey, ct);
        if (found.Succeeded && !user.CanRead(found.Value.Departments.Select(d => d.DepartmentId)))
        {
            return Outcome<Finding>.NotFound($"番号「{Identifiers.Compact(number)}」の指摘・意見はありません。");
        }

        return found;
    }

    /// <summary>
    /// Checks the version the person read, gives the response a new one and saves. A stale version (or a save that
    /// lost a race) is a Conflict and nothing is written.
    /// </summary>
    public static async Task<Outcome<ResponseView>> SaveAsync(KansaDbContext db, LoadedResponse loaded, Guid? readVersion, CancellationToken ct)
    {
        var response = loaded.Response;
        var entry = db.Entry(response);
        var original = entry.Property(r => r.Version).OriginalValue;
        if (readVersion is { } v && v != original)
        {
            return Outcome<ResponseView>.Conflict(ConflictMessage);
        }

        response.Version = Guid.NewGuid();
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<ResponseView>.Conflict(ConflictMessage);
        }

        return Outcome<ResponseView>.Ok(loaded.View);
    }

    /// <summary>The message of a conflict.</summary>
    public const string ConflictMessage = "この回答は、読み込んだあとでほかの人が変更しました。最新の内容を確認してから、もう一度操作してください。入力した内容は残っています。";

    /// <summary>Adds a step by the person now.</summary>
    public static void AddStep(Response response, string action, StaffUser user, TimeProvider time, string? comment = null) =>
        response.Steps.Add(new ResponseStep
        {
            Action = action,
            By = user.Actor,
            At = time.GetUtcNow(),
            Comment = comment,
            Word = response.Word,
            Content = response.Content,
        });

    /// <summary>
    /// Checks a status word for the finding's category: it must be one of the words the coordinator chose for editors
    /// (<see cref="EditorWords"/>). A draft's own word (<paramref name="kept"/>) stays allowed after it was unchosen, so a
    /// draft written before the choice changed can still be edited and submitted as it is.
    /// </summary>
    public static async Task<(StatusTerm? Term, Problem? Problem)> CheckWordAsync(KansaDbContext db, Finding finding, string? word, CancellationToken ct, string? kept = null)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return (null, new Problem("status", "対応区分: 状況の語を入力してください。"));
        }

        if (TextLimits.Check("status", "対応区分", word, TextLimits.StatusWord) is { } refused)
        {
            return (null, refused);
        }

        var words = await EditorWords.LoadAsync(db, ct);
        var term = words.Vocabulary.Find(word, finding.Category, finding.Audit!.Kind);
        var allowed = words.Offers(finding.Category, word) || (kept is not null && Identifiers.Compact(word) == kept);
        var offered = string.Join("、", words.For(finding.Category));
        return term is null ? (null, new Problem("status", $"対応区分: 「{word.Trim()}」はこの監査の語彙にありません (選べる語: {offered})。"))
            : allowed ? (term, null)
            : (null, new Problem("status", $"対応区分: 「{word.Trim()}」は{finding.Category.Label()}の対応区分として選べません。選べる語 ({offered}) から選んでください。"));
    }

    /// <summary>Checks that a text is given and within its limit (<see cref="TextLimits"/>); the problem names the field.</summary>
    public static Problem? Required(string field, string label, string? text, int max = TextLimits.Prose) =>
        string.IsNullOrWhiteSpace(text) ? new Problem(field, $"{label}: 入力してください。") : TextLimits.Check(field, label, text, max);
}
