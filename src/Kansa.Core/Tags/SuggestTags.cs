using Kansa.Recurrence;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tags;

/// <summary>A tag the coordinator may want, and why.</summary>
/// <param name="Name">The tag.</param>
/// <param name="Reason">似ている R4-指-2 のタグ, or 似ている R4-指-2 と共通の言葉.</param>
public sealed record TagSuggestion(string Name, string Reason);

/// <summary>
/// Suggests tags for a finding: first the tags already set on similar findings (so one theme keeps one tag across
/// years), then the words the recurrence scorer found shared with them (再委託, パスワード). Tags the finding has are
/// left out, and every suggestion is a valid tag.
/// </summary>
public sealed class SuggestTags(KansaDbContext db, LoadRecurrence recurrence)
{
    /// <summary>How many suggestions at most.</summary>
    public const int Count = 8;

    /// <summary>The suggestions for one finding.</summary>
    public async Task<IReadOnlyList<TagSuggestion>> RunAsync(int findingId, CancellationToken ct)
    {
        var similar = await recurrence.SimilarToAsync(findingId, ct);
        var ids = similar.Select(s => s.Finding.Id).ToList();
        var theirs = await db.FindingTags.AsNoTracking().Where(t => ids.Contains(t.FindingId)).OrderBy(t => t.Id).Select(t => new { t.FindingId, t.Name }).ToListAsync(ct);
        var own = (await LoadTags.OfFindingAsync(db, findingId, ct)).ToHashSet(StringComparer.Ordinal);

        var suggestions = new List<TagSuggestion>();
        foreach (var s in similar)
        {
            suggestions.AddRange(theirs.Where(t => t.FindingId == s.Finding.Id).Select(t => new TagSuggestion(t.Name, $"似ている {s.Finding.Number} のタグ")));
        }

        foreach (var s in similar)
        {
            suggestions.AddRange(s.SharedTerms.Select(t => new TagSuggestion(t, $"似ている {s.Finding.Number} と共通の言葉")));
        }

        return [.. suggestions
            .Select(s => TagName.Normalize(s.Name) is { Succeeded: true } n ? s with { Name = n.Value } : null)
            .OfType<TagSuggestion>()
            .Where(s => !own.Contains(s.Name))
            .DistinctBy(s => s.Name, StringComparer.Ordinal)
            .Take(Count)];
    }
}
