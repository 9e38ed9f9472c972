using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Search;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>
/// GET /api/v1/search: the search of the /search page as JSON. Anonymous callers search the published data the
/// public pages show; a signed-in person what they may read. The matched words come back marked in HTML whose every
/// other character is encoded (<c>titleHtml</c>, <c>snippetHtml</c>), and as plain text.
/// </summary>
public static class SearchApi
{
    /// <summary>Maps the route.</summary>
    public static WebApplication MapSearchApi(this WebApplication app)
    {
        app.MapGet("/api/v1/search", async (HttpContext context, CurrentStaff current, SearchFindings search, CancellationToken ct) =>
        {
            var (request, problems) = SearchParameters.Read(context.Request.Query);
            if (problems.Count > 0)
            {
                return (IResult)ApiResults.Problem(OutcomeKind.Invalid, problems);
            }

            var outcome = await search.RunAsync(await current.GetAsync(ct), request, ct);
            return outcome.ToHttp(ToJson);
        }).AllowAnonymous().WithName("Search").WithTags("検索");
        return app;
    }

    private static SearchJson ToJson(SearchResults r) => new(
        r.Terms, r.Total, r.Page, r.PageSize, r.Pages,
        [.. r.Hits.Select(h => new SearchHitJson(
            h.Finding.AuditKey, h.Finding.AuditKind, h.Finding.FiscalYear, h.Finding.Number, h.Finding.Category.Label(),
            h.Finding.Title, h.Finding.Departments, h.Finding.Status, h.Finding.State.Code(), h.Finding.Published?.ToString(),
            Highlight.ToHtml(h.Title), Highlight.ToHtml(h.Snippet), string.Concat(h.Snippet.Select(s => s.Text)), h.TitleMatch,
            "/audits/" + Uri.EscapeDataString(h.Finding.AuditKey) + "/findings/" + Uri.EscapeDataString(h.Finding.Number)))]);
}

/// <summary>Reads the search parameters of the page and the API (the same names): q, kind, fiscalYearFrom, fiscalYearTo, category, state, department, publishedFrom, publishedTo, page.</summary>
public static class SearchParameters
{
    /// <summary>The request, and what could not be read (in Japanese, by field).</summary>
    public static (SearchRequest Request, List<Problem> Problems) Read(IQueryCollection query)
    {
        var problems = new List<Problem>();
        string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        int? Number(string name, string label, int min, int max)
        {
            if (Text(name) is not { } v)
            {
                return null;
            }

            if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            problems.Add(new Problem(name, $"{label}: 「{Short(v)}」を読めません。{min}〜{max} の半角数字で指定してください。"));
            return null;
        }

        YearMonth? Month(string name, string label)
        {
            if (Text(name) is not { } v)
            {
                return null;
            }

            if (YearMonth.TryParseIso(v, out var month, out var reason))
            {
                return month;
            }

            problems.Add(new Problem(name, $"{label}: 「{Short(v)}」を年月として読めません。{reason} (例 2025-08)。"));
            return null;
        }

        FindingCategory? category = null;
        if (Text("category") is { } c && (category = FindingCategories.Parse(c)) is null)
        {
            problems.Add(new Problem("category", $"区分: 「{Short(c)}」は区分ではありません。指摘か意見を指定してください。"));
        }

        StatusState? state = null;
        if (Text("state") is { } s && (state = StatusStates.FromCode(s)) is null)
        {
            problems.Add(new Problem("state", $"対応区分: 「{Short(s)}」は対応区分ではありません。open・in_progress・done・will_not_implement のどれかを指定してください。"));
        }

        var request = new SearchRequest(
            Text("q"), Text("kind"),
            Number("fiscalYearFrom", "年度 (から)", 1868, 2999), Number("fiscalYearTo", "年度 (まで)", 1868, 2999),
            category, state, Number("department", "所管課", 1, int.MaxValue),
            Month("publishedFrom", "公表の月 (から)"), Month("publishedTo", "公表の月 (まで)"),
            Number("page", "ページ", 1, 100_000) ?? 1);
        return (request, problems);
    }

    private static string Short(string v) => v.Length > 40 ? v[..40] + "…" : v;
}

/// <summary>A page of search results.</summary>
public sealed record SearchJson(IReadOnlyList<string> Terms, int Total, int Page, int PageSize, int Pages, IReadOnlyList<SearchHitJson> Hits);

/// <summary>One finding found; <c>titleHtml</c> and <c>snippetHtml</c> mark the words with &lt;mark&gt; and encode everything else.</summary>
public sealed record SearchHitJson(
    string Audit, string AuditKind, int FiscalYear, string Number, string Category, string? Title, IReadOnlyList<string> Departments,
    string Status, string State, string? Published, string TitleHtml, string SnippetHtml, string Snippet, bool TitleMatch, string Url);
