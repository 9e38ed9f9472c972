using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Status;

/// <summary>
/// The coordinator (or admin) chooses which mapped words editors of each category may pick. Each category keeps at
/// least one word for done and one for not yet done (open or in progress): an editor must always be able to say either.
/// Words of drafts already written stay as they are (the workflow's word check, <c>Responses.ResponseGate.CheckWordAsync</c>, keeps a draft's word).
/// </summary>
public sealed class ChooseWords(KansaDbContext db)
{
    /// <summary>The message of two coordinators saving at the same moment.</summary>
    public const string ConflictMessage = "ほかの人が同時に語の選択を変更しました。最新の選択を確認してから、もう一度保存してください。";

    /// <summary>Replaces both categories' choices; nothing is written unless both are valid.</summary>
    /// <param name="user">The person.</param>
    /// <param name="words">The chosen words per category; a category left out keeps its choice.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<WordChoices>> RunAsync(StaffUser user, IReadOnlyDictionary<FindingCategory, IReadOnlyList<string?>> words, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Outcome<WordChoices>.Forbidden("対応区分の語を選べるのは取りまとめ担当とシステム管理者だけです。");
        }

        var current = await EditorWords.LoadAsync(db, ct);
        var problems = new List<Problem>();
        var wanted = new Dictionary<FindingCategory, List<string>>();
        foreach (var (category, given) in words)
        {
            if (Check(current.Vocabulary, category, given, problems) is { } checkedWords)
            {
                wanted[category] = checkedWords;
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<WordChoices>.Invalid(problems);
        }

        var rows = await db.StatusWordChoices.ToListAsync(ct);
        foreach (var (category, list) in wanted)
        {
            // Only the difference is written, so the change log shows which words were added and which removed.
            db.StatusWordChoices.RemoveRange(rows.Where(r => r.Category == category && !list.Contains(r.Word, StringComparer.Ordinal)));
            db.StatusWordChoices.AddRange(list.Where(w => !rows.Exists(r => r.Category == category && r.Word == w))
                .Select(w => new StatusWordChoice { Category = category, Word = w }));
        }

        if (!await db.TrySaveAsync(ct))
        {
            return Outcome<WordChoices>.Conflict(ConflictMessage);
        }

        return Outcome<WordChoices>.Ok(WordChoices.From(await EditorWords.LoadAsync(db, ct)));
    }

    /// <summary>The name of a category's field in pages and messages.</summary>
    public static string FieldLabel(FindingCategory category) => $"{category.Label()}の対応区分";

    /// <summary>The field of a category in the API and forms: finding or opinion.</summary>
    public static string Field(FindingCategory category) => category == FindingCategory.Finding ? "finding" : "opinion";

    private static List<string>? Check(StatusVocabulary vocabulary, FindingCategory category, IReadOnlyList<string?>? given, List<Problem> problems)
    {
        var (field, label) = (Field(category), FieldLabel(category));
        var mapped = vocabulary.MappedWords(category);
        var chosen = new List<StatusTerm>();
        foreach (var word in given ?? [])
        {
            if (string.IsNullOrWhiteSpace(word))
            {
                continue;
            }

            if (TextLimits.Check(field, label, word, TextLimits.StatusWord) is { } refused)
            {
                problems.Add(refused);
                continue;
            }

            var key = Identifiers.Compact(word);
            if (mapped.FirstOrDefault(t => t.Word == key) is not { } term)
            {
                problems.Add(new Problem(field, $"{label}: 「{word.Trim()}」は{category.Label()}の語彙にありません。一覧にある語から選んでください。"));
            }
            else if (!chosen.Contains(term))
            {
                chosen.Add(term);
            }
        }

        var before = problems.Count;
        if (!chosen.Exists(t => t.State == StatusState.Done))
        {
            problems.Add(new Problem(field, $"{label}: 済んだことを表す語 (完了) を1つ以上選んでください。"));
        }

        if (!chosen.Exists(t => t.State is StatusState.Open or StatusState.InProgress))
        {
            problems.Add(new Problem(field, $"{label}: まだ済んでいないことを表す語 (未着手または対応中) を1つ以上選んでください。"));
        }

        return problems.Count > before ? null : [.. chosen.Select(t => t.Word)];
    }
}
