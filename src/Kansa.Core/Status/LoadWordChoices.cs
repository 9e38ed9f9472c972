using Kansa.Storage;

namespace Kansa.Status;

/// <summary>The coordinator's choice of editors' words beside every mapped word it was made from, per category.</summary>
public sealed class LoadWordChoices(KansaDbContext db)
{
    /// <summary>The choice for both categories.</summary>
    public async Task<WordChoices> RunAsync(CancellationToken ct) => WordChoices.From(await EditorWords.LoadAsync(db, ct));
}

/// <summary>Both categories' word choices.</summary>
/// <param name="Categories">指摘 first, then 意見.</param>
public sealed record WordChoices(IReadOnlyList<CategoryWordChoice> Categories)
{
    /// <summary>The view of the words as loaded.</summary>
    public static WordChoices From(EditorWords words) =>
        new([.. FindingCategories.All.Select(c => CategoryWordChoice.From(words, c))]);

    /// <summary>One category's choice.</summary>
    public CategoryWordChoice For(FindingCategory category) => Categories.First(c => c.Category == category);
}

/// <summary>One category's words.</summary>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="IsDefault">Whether nothing is chosen yet, so the category's standard words are offered.</param>
/// <param name="Options">Every mapped word of the category with its state and whether editors may pick it, done first.</param>
public sealed record CategoryWordChoice(FindingCategory Category, bool IsDefault, IReadOnlyList<WordOption> Options)
{
    /// <summary>The words editors may pick.</summary>
    public IEnumerable<string> Chosen => Options.Where(o => o.Chosen).Select(o => o.Word);

    /// <summary>The view of a category.</summary>
    public static CategoryWordChoice From(EditorWords words, FindingCategory category)
    {
        var offered = words.For(category);
        var options = words.Vocabulary.MappedWords(category)
            .OrderBy(t => EditorWords.Rank(t.State)).ThenBy(t => t.Id)
            .Select(t => new WordOption(t.Word, t.State, offered.Contains(t.Word, StringComparer.Ordinal)));
        return new CategoryWordChoice(category, words.IsDefault(category), [.. options]);
    }
}

/// <summary>A mapped word.</summary>
/// <param name="Word">The word (措置済).</param>
/// <param name="State">What it means.</param>
/// <param name="Chosen">Whether editors may pick it.</param>
public sealed record WordOption(string Word, StatusState State, bool Chosen);
