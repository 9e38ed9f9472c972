using Kansa.Api;
using Kansa.Findings;
using Kansa.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Search;

/// <summary>/search: the public search over the published findings (what the public pages show), with filters and pages.</summary>
[AllowAnonymous]
public sealed class IndexModel(SearchFindings search, SearchChoices choices) : PageModel
{
    /// <summary>The search as read from the query string.</summary>
    public SearchRequest Search { get; private set; } = new(null);

    /// <summary>The results; null before a search or when it could not be read.</summary>
    public SearchResults? Results { get; private set; }

    /// <summary>What could not be read, in Japanese.</summary>
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    /// <summary>The form's choices.</summary>
    public SearchChoices.Choices Choices { get; private set; } = new([], [], []);

    /// <summary>Runs the search (always as the public: the page shows published data only).</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await choices.RunAsync(ct);
        var (request, problems) = SearchParameters.Read(Request.Query);
        Search = request;
        if (problems.Count > 0)
        {
            Problems = problems;
            return;
        }

        var outcome = await search.RunAsync(null, request, ct);
        if (outcome.Succeeded)
        {
            Results = outcome.Value;
        }
        else
        {
            Problems = outcome.Problems;
        }
    }

    /// <summary>This page's address with the same search on another page of results.</summary>
    public string PageLink(int page) => "/search" + QueryString.Create(
        Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToUriComponent();

    /// <summary>The link to a finding's page.</summary>
    public static string FindingLink(FindingAsOf f) =>
        "/audits/" + Uri.EscapeDataString(f.AuditKey) + "/findings/" + Uri.EscapeDataString(f.Number);
}
