using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Status;

/// <summary>
/// The status words editors may pick, per category: the coordinator's choice (<see cref="StatusWordChoice"/>), or the
/// category's canonical words (措置済 / 措置中 / 未措置 / 措置を行わない) while nothing is chosen. Keeping the list short
/// keeps published words from drifting between near-synonyms; the mapped vocabulary stays whole for imports.
/// </summary>
public sealed class EditorWords
{
    private readonly Dictionary<FindingCategory, IReadOnlyList<StatusTerm>> offered = [];
    private readonly HashSet<FindingCategory> chosen = [];

    private EditorWords(StatusVocabulary vocabulary, ILookup<FindingCategory, string> rows)
    {
        Vocabulary = vocabulary;
        foreach (var category in FindingCategories.All)
        {
            var mapped = vocabulary.MappedWords(category);
            var picked = mapped.Where(t => rows[category].Contains(t.Word, StringComparer.Ordinal)).ToList();
            if (picked.Count > 0)
            {
                chosen.Add(category);
            }
            else
            {
                // Nothing chosen (or every chosen word was since unmapped): the words Kansa itself writes.
                picked = [.. mapped.Where(t => t.IsCanonical && t.Category == category && t.AuditKind is null)];
            }

            offered[category] = [.. picked.OrderBy(t => Rank(t.State)).ThenBy(t => t.Id)];
        }
    }

    /// <summary>States in the order pages list them: done, in progress, open, will not implement.</summary>
    public static IReadOnlyList<StatusState> StateOrder { get; } =
        [StatusState.Done, StatusState.InProgress, StatusState.Open, StatusState.WillNotImplement];

    /// <summary>The place of a state in <see cref="StateOrder"/>.</summary>
    public static int Rank(StatusState state) => state switch
    {
        StatusState.Done => 0,
        StatusState.InProgress => 1,
        StatusState.Open => 2,
        _ => 3,
    };

    /// <summary>The whole mapped vocabulary the choice was made from.</summary>
    public StatusVocabulary Vocabulary { get; }

    /// <summary>Reads the vocabulary and the coordinator's choice.</summary>
    public static async Task<EditorWords> LoadAsync(KansaDbContext db, CancellationToken ct)
    {
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var rows = await db.StatusWordChoices.AsNoTracking().Select(c => new { c.Category, c.Word }).ToListAsync(ct);
        return new EditorWords(vocabulary, rows.ToLookup(r => r.Category, r => r.Word));
    }

    /// <summary>The words an editor may pick for a category, done first.</summary>
    public IReadOnlyList<string> For(FindingCategory category) => [.. offered[category].Select(t => t.Word)];

    /// <summary>The offered words with their states.</summary>
    public IReadOnlyList<StatusTerm> TermsFor(FindingCategory category) => offered[category];

    /// <summary>Whether the category still offers its defaults (nothing chosen).</summary>
    public bool IsDefault(FindingCategory category) => !chosen.Contains(category);

    /// <summary>Whether a word (in any width or spacing) is one of the category's offered words.</summary>
    public bool Offers(FindingCategory category, string word)
    {
        var key = Identifiers.Compact(word);
        return offered[category].Any(t => t.Word == key);
    }
}
