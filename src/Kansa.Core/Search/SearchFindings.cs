using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Kansa.Accounts;
using Kansa.Findings;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Search;

/// <summary>
/// Finds findings by words (all of them, anywhere in the number, title, excerpt, published responses and department
/// names of any time), with filters and pages; title matches come first. Anonymous readers (the public pages and
/// the API without signing in) search the published data the public pages show; staff search what they may read.
/// Every word reaches the engine as a parameter: an FTS5 phrase (SQLite, three characters or more) or a LIKE
/// pattern with its wildcards escaped (shorter words, and PostgreSQL, where pg_trgm indexes serve LIKE).
/// </summary>
public sealed class SearchFindings(KansaDbContext db)
{
    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo Lower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>A page of findings, or why the search cannot be read.</summary>
    public async Task<Outcome<SearchResults>> RunAsync(StaffUser? user, SearchRequest request, CancellationToken ct)
    {
        var problems = Check(request);
        if (problems.Count > 0)
        {
            return Outcome<SearchResults>.Invalid(problems);
        }

        var terms = SearchText.Terms(request.Query);
        var page = Math.Max(1, request.Page);
        if (terms.Count == 0)
        {
            return Outcome<SearchResults>.Ok(new SearchResults(terms, 0, page, SearchRequest.PageSize, []));
        }

        var query = await FilterAsync(Matching(terms), user, request, ct);
        var total = await query.CountAsync(ct);
        var ranked = query.OrderByDescending(TitleHits(terms))
            .ThenByDescending(d => d.Finding!.Audit!.FiscalYear)
            .ThenBy(d => d.Finding!.AuditId)
            .ThenBy(d => d.Finding!.Category)
            .ThenBy(d => d.Finding!.Sequence)
            .ThenBy(d => d.FindingId);

        // The ranking sorts every match, so it carries the ids only: with the title and body in each row the engine
        // moved and sorted tens of thousands of wide rows (PostgreSQL, 2,000,000 findings) to show 20. The text is
        // read for the page's rows alone, then put back in the ranked order.
        var ids = await ranked.Skip((page - 1) * SearchRequest.PageSize).Take(SearchRequest.PageSize)
            .Select(d => d.FindingId).ToListAsync(ct);
        var texts = await db.Set<SearchDocument>().Where(d => ids.Contains(d.FindingId))
            .Select(d => new { d.FindingId, d.Title, d.Body }).ToDictionaryAsync(d => d.FindingId, ct);
        var rows = ids.Where(texts.ContainsKey).Select(id => texts[id]).ToList();
        var findings = (await FindingProjection.LoadAsync(db, db.Findings.Where(f => ids.Contains(f.Id)), null, ct)).ToDictionary(f => f.Id);
        var hits = rows.Where(r => findings.ContainsKey(r.FindingId)).Select(r => new SearchHit(
            findings[r.FindingId],
            Highlight.Mark(r.Title, terms),
            Highlight.Snippet(r.Body, terms),
            terms.Any(t => r.Title.Contains(t, StringComparison.OrdinalIgnoreCase)))).ToList();
        return Outcome<SearchResults>.Ok(new SearchResults(terms, total, page, SearchRequest.PageSize, hits));
    }

    private static List<Problem> Check(SearchRequest r)
    {
        var problems = new List<Problem>();
        if (TextLimits.Check("q", "検索する語", r.Query, SearchRequest.MaxQueryLength) is { } q)
        {
            problems.Add(q);
        }

        if (TextLimits.Check("kind", "監査の種類", r.Kind, TextLimits.AuditKind) is { } kind)
        {
            problems.Add(kind);
        }

        if (r.FiscalYearFrom > r.FiscalYearTo)
        {
            problems.Add(new Problem("fiscalYearFrom", "年度: 始めの年度が終わりの年度より後になっています。"));
        }

        if (r.PublishedFrom > r.PublishedTo)
        {
            problems.Add(new Problem("publishedFrom", "公表の月: 始めの月が終わりの月より後になっています。"));
        }

        if (r.Page is < 1 or > 100_000)
        {
            problems.Add(new Problem("page", "ページ: 1 以上の番号を指定してください。"));
        }

        return problems;
    }

    // Every word must match somewhere. On SQLite words of three characters or more go to the FTS5 trigram index as
    // quoted phrases in one parameter; shorter words (DX, 監査), which trigrams cannot find, are LIKE patterns.
    private IQueryable<SearchDocument> Matching(IReadOnlyList<string> terms)
    {
        IQueryable<SearchDocument> query = db.Set<SearchDocument>();
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var indexed = sqlite ? terms.Where(SearchText.HasTrigram).ToList() : [];
        if (indexed.Count > 0)
        {
            var match = SearchText.FtsQuery(indexed);
            query = db.Set<SearchDocument>().FromSql(
                $"SELECT * FROM \"SearchDocuments\" WHERE \"FindingId\" IN (SELECT rowid FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {match})");
        }

        foreach (var term in terms.Except(indexed))
        {
            var pattern = SearchText.LikePattern(term);

            // ToLower is translated to the engine's lower() (which the PostgreSQL trigram indexes cover), never run here.
#pragma warning disable CA1304, CA1311
            query = query.Where(d => EF.Functions.Like(d.Title.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.Names.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.Body.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        return query;
    }

    private async Task<IQueryable<SearchDocument>> FilterAsync(IQueryable<SearchDocument> query, StaffUser? user, SearchRequest r, CancellationToken ct)
    {
        if (user is not null && !user.CanRead([]))
        {
            // Editors and approvers read their departments' findings only (merged departments included in DepartmentIds).
            var mine = user.DepartmentIds.ToList();
            query = query.Where(d => d.Finding!.Departments.Any(fd => mine.Contains(fd.DepartmentId)));
        }

        if (!string.IsNullOrWhiteSpace(r.Kind))
        {
            var kind = Identifiers.Normalize(r.Kind);
            query = query.Where(d => d.Finding!.Audit!.Kind == kind);
        }

        if (r.FiscalYearFrom is { } fromYear)
        {
            query = query.Where(d => d.Finding!.Audit!.FiscalYear >= fromYear);
        }

        if (r.FiscalYearTo is { } toYear)
        {
            query = query.Where(d => d.Finding!.Audit!.FiscalYear <= toYear);
        }

        if (r.Category is { } category)
        {
            query = query.Where(d => d.Finding!.Category == category);
        }

        if (r.State is { } state)
        {
            query = query.Where(d => d.State == state);
        }

        if (r.DepartmentId is { } department)
        {
            var ids = (await Departments.DepartmentHistory.LoadAsync(db, ct)).WithMerged([department]).ToList();
            query = query.Where(d => d.Finding!.Departments.Any(fd => ids.Contains(fd.DepartmentId)));
        }

        if (r.PublishedFrom is { } from)
        {
            query = query.Where(d => d.Published >= from);
        }

        if (r.PublishedTo is { } to)
        {
            query = query.Where(d => d.Published <= to);
        }

        return query;
    }

    // How many of the words the title holds: (lower(Title) LIKE @p0 ? 1 : 0) + …, each pattern a parameter.
    private static Expression<Func<SearchDocument, int>> TitleHits(IReadOnlyList<string> terms)
    {
        var d = Expression.Parameter(typeof(SearchDocument), "d");
        var title = Expression.Call(Expression.Property(d, nameof(SearchDocument.Title)), Lower);
        Expression sum = Expression.Constant(0);
        foreach (var term in terms)
        {
            // A member of a captured object, as a closure would be: EF sends it as a parameter, never as SQL text.
            var box = new StrongBox<string>(SearchText.LikePattern(term));
            var pattern = Expression.Field(Expression.Constant(box), nameof(StrongBox<string>.Value));
            var like = Expression.Call(Like, Expression.Constant(EF.Functions), title, pattern, Expression.Constant("\\"));
            sum = Expression.Add(sum, Expression.Condition(like, Expression.Constant(1), Expression.Constant(0)));
        }

        return Expression.Lambda<Func<SearchDocument, int>>(sum, d);
    }
}
