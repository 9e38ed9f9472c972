using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Rounds;

/// <summary>
/// Publishes a round: every approved response not yet published becomes a status record with the round's month
/// as its publication month, the response is frozen, and so is the round.
/// </summary>
public sealed class PublishRound(KansaDbContext db, TimeProvider time)
{
    /// <summary>
    /// Publishes; a round already published is refused. With <paramref name="previewed"/> (the responses the coordinator
    /// saw in the preview), anything approved or withdrawn since is a conflict instead of being published unseen.
    /// </summary>
    public async Task<Outcome<RoundView>> RunAsync(StaffUser user, int id, IReadOnlyCollection<int>? previewed, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<RoundView>.Forbidden("公表は取りまとめ担当とシステム管理者だけができます。");
        }

        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<RoundView>.NotFound($"公表の回 {id} はありません。");
        }

        if (round.IsPublished)
        {
            return Outcome<RoundView>.Invalid("", $"{round.AsOf.ToWareki()}{Glossary.AsOf}の回はすでに公表しました。公表済の回は変えられません。");
        }

        if (round.IsCancelled)
        {
            return Outcome<RoundView>.Invalid("", $"{round.AsOf.ToWareki()}{Glossary.AsOf}の回は取り消されています (理由: {round.CancelReason})。取り消した回は公表できません。新しい回を開いてください。");
        }

        // Rounds are published in the order of their months (a round left open from before the rules were enforced could
        // otherwise follow a later one); the open-round index keeps any new round after every published one.
        var later = (await db.Rounds.AsNoTracking().Where(r => r.IsPublished).Select(r => r.AsOf).ToListAsync(ct)).Where(m => m >= round.AsOf).ToList();
        if (later.Count > 0)
        {
            return Outcome<RoundView>.Invalid("", $"{later.Max().ToWareki()}{Glossary.AsOf}の回が公表済みです。それ以前の月の回は公表できません。");
        }

        // A document imported after the round was opened may be later than the round's month: publishing would then
        // date these responses before what the public already has.
        if (await PublicationMonths.LatestAsync(db, ct) is { } latest && round.AsOf < latest)
        {
            return Outcome<RoundView>.Invalid("", $"{latest.ToWareki()}{Glossary.AsOf}の公表がすでにあるため、{round.AsOf.ToWareki()}{Glossary.AsOf}の回は公表できません。この回を取り消し、{latest.ToWareki()}以降の月の回を開いてください。");
        }

        var now = time.GetUtcNow();
        var responses = await db.Responses.Include(r => r.Steps)
            .Where(r => r.Stage == ResponseStage.Approved && r.RoundId == null).ToListAsync(ct);
        if (previewed is not null && !responses.Select(r => r.Id).ToHashSet().SetEquals(previewed))
        {
            return Outcome<RoundView>.Conflict("プレビューのあとで、公表する回答が変わりました (新しい承認か差戻し)。プレビューを確認し直してから公表してください。");
        }

        foreach (var response in responses)
        {
            db.StatusRecords.Add(RecordOf(response, round, user.Actor, now));
            response.Stage = ResponseStage.Published;
            response.RoundId = round.Id;
            response.Version = Guid.NewGuid();
            response.Steps.Add(new ResponseStep
            {
                Action = ResponseActions.Published, By = user.Actor, At = now, Word = response.Word, Content = response.Content,
                Comment = round.AsOf.ToWareki() + Glossary.AsOf,
            });
        }

        // IsPublished and IsCancelled are concurrency tokens: the update runs WHERE both are still false and fails when
        // another request published or cancelled the round first, rolling back this publication's records and responses with it.
        round.IsPublished = true;
        round.PublishedBy = user.Actor;
        round.PublishedAt = now;
        if (!await db.TrySaveAsync(ct))
        {
            // Another request published or cancelled the round at the same moment, or a response changed (returned) meanwhile.
            return Outcome<RoundView>.Conflict("公表のあいだに、ほかの人がこの回を公表または取り消したか、回答を変更しました。公表の回の一覧で状態を確認してください。");
        }

        return Outcome<RoundView>.Ok(RoundView.From(round, responses.Count));
    }

    /// <summary>The approved responses waiting for a round.</summary>
    public static async Task<List<Response>> PendingAsync(KansaDbContext db, CancellationToken ct) =>
        await db.Responses.AsNoTracking().Where(r => r.Stage == ResponseStage.Approved && r.RoundId == null).ToListAsync(ct);

    /// <summary>The status record that publishes a response in a round.</summary>
    public static StatusRecord RecordOf(Response response, PublicationRound round, string recordedBy, DateTimeOffset now) => new()
    {
        FindingId = response.FindingId,
        Word = response.Word,
        State = response.State,
        Published = round.AsOf,
        Response = response.Content,
        AsOf = round.AsOf,
        Source = "公表 " + round.AsOf.ToWareki(),
        ResponseId = response.Id,
        RecordedBy = recordedBy,
        RecordedAt = now,
    };
}
