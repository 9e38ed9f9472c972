using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Search;

/// <summary>
/// A search: the words and the filters, as the page's form, the API and the command line read them.
/// Every filter is optional; the fiscal years and publication months are inclusive ranges.
/// </summary>
public sealed record SearchRequest(
    string? Query,
    string? Kind = null,
    int? FiscalYearFrom = null,
    int? FiscalYearTo = null,
    FindingCategory? Category = null,
    StatusState? State = null,
    int? DepartmentId = null,
    YearMonth? PublishedFrom = null,
    YearMonth? PublishedTo = null,
    int Page = 1)
{
    /// <summary>Results a page.</summary>
    public const int PageSize = 20;

    /// <summary>The longest query read (several words with spaces).</summary>
    public const int MaxQueryLength = 200;
}

/// <summary>A run of text, marked when it is a searched word.</summary>
public sealed record MarkedText(string Text, bool Mark);

/// <summary>One finding found, with its title and a short excerpt with the searched words marked.</summary>
public sealed record SearchHit(FindingAsOf Finding, IReadOnlyList<MarkedText> Title, IReadOnlyList<MarkedText> Snippet, bool TitleMatch);

/// <summary>A page of results.</summary>
public sealed record SearchResults(IReadOnlyList<string> Terms, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>The number of pages (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
