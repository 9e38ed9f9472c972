using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Responses;
using Kansa.Storage;

namespace Kansa.Sheets;

/// <summary>What an import did.</summary>
/// <param name="Plan">The checked plan it carried out.</param>
/// <param name="Responses">The responses drafted or edited (and submitted, when asked), in file order.</param>
/// <param name="Submitted">Whether they were also submitted.</param>
public sealed record SheetImportResult(SheetPlan Plan, IReadOnlyList<ResponseView> Responses, bool Submitted);

/// <summary>
/// Applies a checked department sheet through the workflow's own use cases: a new draft where the finding has no
/// unfinished response, an edit of the draft or returned response otherwise, then (when the person chose it) a
/// submission. Each step is recorded for the person who uploaded, in the responses' steps and in the change log; the
/// whole file is one transaction, so a refusal on any row (say, someone saved the same finding a moment before)
/// leaves everything as it was.
/// </summary>
public sealed class ImportDepartmentSheets(KansaDbContext db, DraftResponse draft, EditResponse edit, SubmitResponse submit, ChangeLogWriter log)
{
    /// <summary>Checks and applies a file.</summary>
    /// <param name="user">The person uploading.</param>
    /// <param name="bytes">The file.</param>
    /// <param name="file">Its name, for messages and the change log.</param>
    /// <param name="expectedAudit">The audit the person says the file is for, if they said.</param>
    /// <param name="submitToo">Whether to submit each response after saving it.</param>
    /// <param name="previewed">The findings the person saw in the preview; when given, a different plan is a conflict.</param>
    /// <param name="channel">How the file came (web, or cli:OSUSER when the command line acts for the person), for the change log.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<SheetImportResult>> RunAsync(StaffUser user, byte[] bytes, string file, string? expectedAudit, bool submitToo, IReadOnlyList<int>? previewed, string channel, CancellationToken ct)
    {
        var checkedPlan = await new CheckDepartmentSheets(db).RunAsync(user, bytes, file, expectedAudit, ct);
        if (!checkedPlan.Succeeded)
        {
            return checkedPlan.As<SheetImportResult>();
        }

        var plan = checkedPlan.Value;
        if (plan.Changes.Count == 0)
        {
            return Outcome<SheetImportResult>.Ok(new SheetImportResult(plan, [], submitToo));
        }

        if (previewed is not null && !previewed.Order().SequenceEqual(plan.Changes.Select(c => c.FindingId).Order()))
        {
            return Outcome<SheetImportResult>.Conflict("確認のあとで、取り込む内容が変わりました (ほかの人が回答を変更したなど)。もう一度ファイルを確認してください。");
        }

        var done = new List<ResponseView>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var change in plan.Changes)
        {
            var saved = change.ResponseId is { } id
                ? await edit.RunAsync(user, id, change.NewWord, change.NewContent, change.ResponseVersion, ct)
                : await draft.RunAsync(user, change.Number, plan.AuditKey, change.NewWord, change.NewContent, ct);
            if (saved.Succeeded && submitToo)
            {
                saved = await submit.RunAsync(user, saved.Value.Id, saved.Value.Version, ct);
            }

            if (!saved.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return new Outcome<SheetImportResult>(saved.Kind, null, [.. saved.Problems.Select(p => new Problem(change.Location, $"{change.Location}: {change.Number}: {p.Message} (ファイルの内容は何も取り込んでいません)"))]);
            }

            done.Add(saved.Value);
        }

        await log.RecordAsync("import", "DepartmentSheet", plan.AuditKey, new
        {
            file,
            channel,
            exportedAt = plan.ExportedAt,
            findings = plan.Changes.Select(c => c.Number).ToList(),
            responses = done.Select(r => r.Id).ToList(),
            submitted = submitToo,
        }, ct);
        await transaction.CommitAsync(ct);
        return Outcome<SheetImportResult>.Ok(new SheetImportResult(plan, done, submitToo));
    }
}
