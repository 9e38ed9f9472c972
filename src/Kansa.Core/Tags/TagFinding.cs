using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tags;

/// <summary>
/// Adds, removes or replaces a finding's tags (a coordinator's task). Each change is a row added or deleted through
/// the context, so the change log records it in the same transaction, and the public pages (cached on the log's tip)
/// show it at once. Answers the finding's tags after the change, in the order they were added.
/// </summary>
public sealed class TagFinding(KansaDbContext db)
{
    private const string Conflict = "ほかの人が同じときにこの指摘・意見のタグを変えました。画面を読み込み直してから、もう一度操作してください。";

    /// <summary>Adds one tag.</summary>
    public Task<Outcome<IReadOnlyList<string>>> AddAsync(StaffUser user, string number, string? auditKey, string? name, CancellationToken ct) =>
        ChangeAsync(user, number, auditKey, (current, finding) =>
        {
            var tag = TagName.Normalize(name);
            if (!tag.Succeeded)
            {
                return tag.Problems;
            }

            if (current.Any(t => t.Name == tag.Value))
            {
                return [new Problem(TagName.Field, $"{Glossary.Tag}: 「{tag.Value}」はもう付いています。")];
            }

            if (current.Count >= TextLimits.TagsPerFinding)
            {
                return [new Problem(TagName.Field, $"{Glossary.Tag}: 1つの指摘・意見に付けられるのは{TextLimits.TagsPerFinding}個までです。どれかを外してから付けてください。")];
            }

            db.FindingTags.Add(new FindingTag { FindingId = finding.Id, Name = tag.Value });
            return [];
        }, ct);

    /// <summary>Removes one tag.</summary>
    public Task<Outcome<IReadOnlyList<string>>> RemoveAsync(StaffUser user, string number, string? auditKey, string? name, CancellationToken ct) =>
        ChangeAsync(user, number, auditKey, (current, _) =>
        {
            var tag = TagName.Normalize(name);
            var found = tag.Succeeded ? current.FirstOrDefault(t => t.Name == tag.Value) : null;
            if (found is null)
            {
                return [new Problem(TagName.Field, $"{Glossary.Tag}: 「{name?.Trim()}」はこの指摘・意見に付いていません。")];
            }

            db.FindingTags.Remove(found);
            return [];
        }, ct);

    /// <summary>Makes the tags exactly these (the API's PUT): those missing are added, those not named removed.</summary>
    public Task<Outcome<IReadOnlyList<string>>> SetAsync(StaffUser user, string number, string? auditKey, IReadOnlyList<string?>? names, CancellationToken ct) =>
        ChangeAsync(user, number, auditKey, (current, finding) =>
        {
            if (names is null)
            {
                return [new Problem("tags", $"{Glossary.Tag}: tags に付けるタグの一覧を指定してください (すべて外すときは空の一覧 [])。")];
            }

            var problems = new List<Problem>();
            var wanted = new List<string>();
            foreach (var (text, i) in names.Select((n, i) => (n, i)))
            {
                var field = $"tags[{i}]";
                var tag = TagName.Normalize(text, field);
                if (!tag.Succeeded)
                {
                    problems.AddRange(tag.Problems);
                }
                else if (wanted.Contains(tag.Value))
                {
                    problems.Add(new Problem(field, $"{Glossary.Tag}: 「{tag.Value}」が2回あります。1回にしてください。"));
                }
                else
                {
                    wanted.Add(tag.Value);
                }
            }

            if (wanted.Count > TextLimits.TagsPerFinding)
            {
                problems.Add(new Problem("tags", $"{Glossary.Tag}: 1つの指摘・意見に付けられるのは{TextLimits.TagsPerFinding}個までです (いまは {wanted.Count}個)。"));
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            db.FindingTags.RemoveRange(current.Where(t => !wanted.Contains(t.Name)));
            db.FindingTags.AddRange(wanted.Where(w => current.All(t => t.Name != w)).Select(w => new FindingTag { FindingId = finding.Id, Name = w }));
            return [];
        }, ct);

    private async Task<Outcome<IReadOnlyList<string>>> ChangeAsync(
        StaffUser user, string number, string? auditKey, Func<List<FindingTag>, Finding, IReadOnlyList<Problem>> change, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<IReadOnlyList<string>>.Forbidden("タグを付けたり外したりできるのは取りまとめ担当とシステム管理者だけです。");
        }

        var found = await FindingLookup.FindAsync(db, number, auditKey, ct);
        if (!found.Succeeded)
        {
            return found.As<IReadOnlyList<string>>();
        }

        var current = await db.FindingTags.Where(t => t.FindingId == found.Value.Id).OrderBy(t => t.Id).ToListAsync(ct);
        var problems = change(current, found.Value);
        if (problems.Count > 0)
        {
            return Outcome<IReadOnlyList<string>>.Invalid(problems);
        }

        // A tag another coordinator added a moment before fills the unique index: a conflict, not an error.
        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<IReadOnlyList<string>>.Conflict(Conflict);
        }

        return Outcome<IReadOnlyList<string>>.Ok(await LoadTags.OfFindingAsync(db, found.Value.Id, ct));
    }
}
