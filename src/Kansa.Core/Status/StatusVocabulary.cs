
namespace Kansa.Status;

/// <summary>
/// Looks up a city's status words (措置済み, 検討中 …) and the words Kansa writes for each state.
/// Built from the <see cref="StatusTerm"/> rows of the database; <see cref="Defaults"/> seeds them.
/// </summary>
public sealed class StatusVocabulary
{
    private readonly IReadOnlyList<StatusTerm> terms;

    /// <summary>Creates a vocabulary over the given terms.</summary>
    public StatusVocabulary(IEnumerable<StatusTerm> terms) => this.terms = [.. terms];

    /// <summary>The words every database starts with.</summary>
    public static IReadOnlyList<StatusTerm> Defaults { get; } = CreateDefaults();

    /// <summary>A vocabulary of the default words only.</summary>
    public static StatusVocabulary Default { get; } = new(Defaults);

    /// <summary>
    /// Finds what a word means for a category: first the words of that audit kind and category,
    /// then of every kind, then words of the other category (a city that writes 措置済 for an 意見 means done).
    /// </summary>
    public StatusTerm? Find(string word, FindingCategory category, string? auditKind)
    {
        var key = Identifiers.Compact(word);
        return terms
            .Where(t => t.Word == key && (t.AuditKind is null || t.AuditKind == auditKind))
            .OrderBy(t => t.Category == category ? 0 : t.Category is null ? 1 : 2)
            .ThenBy(t => t.AuditKind is null ? 1 : 0)
            .FirstOrDefault();
    }

    /// <summary>The word Kansa writes for a state, e.g. 措置済 for a done 指摘.</summary>
    public string CanonicalWord(FindingCategory category, StatusState state, string? auditKind) =>
        terms.Where(t => t.IsCanonical && t.State == state && (t.Category == category || t.Category is null)
                         && (t.AuditKind is null || t.AuditKind == auditKind))
             .OrderBy(t => t.AuditKind is null ? 1 : 0)
             .ThenBy(t => t.Category is null ? 1 : 0)
             .Select(t => t.Word)
             .FirstOrDefault()
        ?? Glossary.StateLabel(state);

    /// <summary>The words known for a category, for error messages.</summary>
    public IEnumerable<string> WordsFor(FindingCategory category) =>
        terms.Where(t => t.Category == category || t.Category is null).Select(t => t.Word).Distinct();

    /// <summary>
    /// Each word a category may use, once, with what it means there (the category's own term before a shared one, a
    /// term of every audit kind before a kind's own), in the order the terms were added.
    /// </summary>
    public IReadOnlyList<StatusTerm> MappedWords(FindingCategory category) =>
        [.. terms.Where(t => t.Category == category || t.Category is null)
            .OrderBy(t => t.Category is null ? 1 : 0).ThenBy(t => t.AuditKind is null ? 0 : 1).ThenBy(t => t.Id)
            .DistinctBy(t => t.Word)
            .OrderBy(t => t.Id)];

    private static List<StatusTerm> CreateDefaults()
    {
        var list = new List<StatusTerm>();
        void Add(string word, StatusState state, FindingCategory? category, bool canonical = false) =>
            list.Add(new StatusTerm { Id = list.Count + 1, Word = word, State = state, Category = category, IsCanonical = canonical });

        const FindingCategory S = FindingCategory.Finding;
        const FindingCategory I = FindingCategory.Opinion;
        Add("措置済", StatusState.Done, S, canonical: true);
        Add("措置済み", StatusState.Done, S);
        Add("措置完了", StatusState.Done, S);
        Add("未措置", StatusState.Open, S, canonical: true);
        Add("措置中", StatusState.InProgress, S, canonical: true);
        Add("一部措置済", StatusState.InProgress, S);
        Add("一部措置済み", StatusState.InProgress, S);
        Add("措置予定", StatusState.InProgress, S);
        Add("措置予定・検討中", StatusState.InProgress, S);
        Add("措置を行わない", StatusState.WillNotImplement, S, canonical: true);
        Add("措置しない", StatusState.WillNotImplement, S);
        Add("対応済", StatusState.Done, I, canonical: true);
        Add("対応済み", StatusState.Done, I);
        Add("対応完了", StatusState.Done, I);
        Add("未対応", StatusState.Open, I, canonical: true);
        Add("対応中", StatusState.InProgress, I, canonical: true);
        Add("一部対応済", StatusState.InProgress, I);
        Add("一部対応済み", StatusState.InProgress, I);
        Add("対応予定", StatusState.InProgress, I);
        Add("対応予定・検討中", StatusState.InProgress, I);
        Add("対応しない", StatusState.WillNotImplement, I, canonical: true);
        Add("対応を行わない", StatusState.WillNotImplement, I);
        Add("検討中", StatusState.InProgress, null);
        Add("改善済", StatusState.Done, null);
        Add("改善済み", StatusState.Done, null);
        Add("改善中", StatusState.InProgress, null);
        Add("未改善", StatusState.Open, null);
        Add("着手", StatusState.InProgress, null);
        Add("未着手", StatusState.Open, null);
        return list;
    }
}
