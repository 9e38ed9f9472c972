using Kansa.Audits;
using Kansa.Findings;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Api;

/// <summary>
/// The public read API (issue 10, item 4): the audits with their progress, an audit's summary as of a month, its
/// findings page by page. Everything here is published data, the same as the public pages show, so anyone may read it
/// without signing in (staff read the same); the write routes of /api/v1/audits stay with the coordinators.
/// </summary>
public static class PublicReadApi
{
    /// <summary>Findings a page, unless pageSize says otherwise (at most <see cref="MaxPageSize"/>).</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Maps the routes.</summary>
    public static WebApplication MapPublicReadApi(this WebApplication app)
    {
        var audits = app.MapGroup("/api/v1/audits").AllowAnonymous().WithTags("公開データ");
        audits.MapGet("/", ListAuditsAsync)
            .WithName("ListAudits").WithSummary("監査の一覧と進捗 (ページごと、新しい年度から)");
        audits.MapGet("/{key}", GetAuditAsync).WithName("GetAudit").WithSummary("監査の集計 (asOf の月の時点)");
        audits.MapGet("/{key}/findings", GetFindingsAsync).WithName("ListAuditFindings").WithSummary("監査の指摘・意見 (ページごと、絞り込み)");
        return app;
    }

    private static async Task<Results<Ok<AuditListJson>, ProblemHttpResult>> ListAuditsAsync(int? page, ListAudits list, CancellationToken ct)
    {
        if (page is < 1)
        {
            return ApiResults.Problem(OutcomeKind.Invalid, [new Problem("page", "ページ: page は 1 以上を指定してください。")]);
        }

        var result = await list.RunAsync(page ?? 1, ct);
        return TypedResults.Ok(new AuditListJson(
            result.Total, result.Number, ListAudits.PageSize, result.Count,
            [.. result.Items.Select(a => new AuditListItemJson(
                a.Key, a.Title, a.Kind, a.FiscalYearLabel, a.Theme, a.AsOf.ToString(), a.Total, a.Done, a.InProgress, a.WillNotImplement, a.Open,
                [.. a.Progress.Select(p => new ProgressJson(p.Category.Label(), p.DoneWord, p.Done, p.Total))]))]));
    }

    private static async Task<Results<Ok<AuditJsonSummary>, ProblemHttpResult>> GetAuditAsync(string key, string? asOf, LoadReportSnapshot load, CancellationToken ct)
    {
        var (snapshot, problem) = await LoadAsync(key, asOf, load, ct);
        if (problem is not null)
        {
            return problem;
        }

        var a = snapshot!.Audits[0];
        var months = await load.MonthsAsync(key, ct);
        return TypedResults.Ok(new AuditJsonSummary(
            a.Key, a.Title, a.Kind, a.FiscalYear, a.FiscalYearLabel, a.Theme, a.Auditor, a.ReportDate, a.DocumentKind, a.AsOf.ToString(),
            [.. a.Summary.Select(r => new SummaryRowJson(r.Category.Label(), r.Status, r.State.Code(), r.Count))],
            [.. CategoryProgress.FromSummary(a.Summary).Select(p => new ProgressJson(p.Category.Label(), p.DoneWord, p.Done, p.Total))],
            a.Findings.Count, [.. months.Select(m => m.ToString())]));
    }

    private static async Task<Results<Ok<AuditFindingsJson>, ProblemHttpResult>> GetFindingsAsync(
        string key, string? asOf, string? category, string? state, string? department, int? page, int? pageSize, LoadReportSnapshot load, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var chosenCategory = FindingCategories.Parse(category);
        if (!string.IsNullOrEmpty(category) && chosenCategory is null)
        {
            problems.Add(new Problem("category", "区分: 指摘か意見を指定してください。"));
        }

        var chosenState = StatusStates.FromCode(state);
        if (!string.IsNullOrEmpty(state) && chosenState is null)
        {
            problems.Add(new Problem("state", "対応区分: open・in_progress・done・will_not_implement のどれかを指定してください。"));
        }

        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            problems.Add(new Problem(page is < 1 ? "page" : "pageSize", $"ページ: page は 1 以上、pageSize は 1〜{MaxPageSize} を指定してください。"));
        }

        if (problems.Count > 0)
        {
            return ApiResults.Problem(OutcomeKind.Invalid, problems);
        }

        var (snapshot, problem) = await LoadAsync(key, asOf, load, ct);
        if (problem is not null)
        {
            return problem;
        }

        var a = snapshot!.Audits[0];
        var chosenDepartment = string.IsNullOrWhiteSpace(department) ? null : Identifiers.Normalize(department);
        var matching = a.Findings.Where(f =>
            (chosenCategory is null || f.Category == chosenCategory)
            && (chosenState is null || f.State == chosenState)
            && (chosenDepartment is null || f.Departments.Contains(chosenDepartment))).ToList();
        var size = pageSize ?? DefaultPageSize;
        var number = page ?? 1;
        return TypedResults.Ok(new AuditFindingsJson(
            a.Key, a.AsOf.ToString(), matching.Count, number, size, Math.Max(1, (matching.Count + size - 1) / size),
            [.. matching.Skip((number - 1) * size).Take(size).Select(ToJson)]));
    }

    private static async Task<(ReportSnapshot? Snapshot, ProblemHttpResult? Problem)> LoadAsync(string key, string? asOf, LoadReportSnapshot load, CancellationToken ct)
    {
        Calendar.YearMonth? month = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            var (m, problem) = ApiStaff.Month(asOf, "asOf");
            if (problem is not null)
            {
                return (null, ApiResults.Problem(OutcomeKind.Invalid, [new Problem("asOf", $"時点: 「{(asOf.Length > 40 ? asOf[..40] + "…" : asOf)}」を年月 (例 2025-08) として読めません。")]));
            }

            month = m;
        }

        var snapshot = TextLimits.CanLookUp(key, TextLimits.AuditKey) ? await load.RunAsync(month, key, ct) : null;
        return snapshot is null || snapshot.Audits.Count == 0
            ? (null, ApiResults.Problem(OutcomeKind.NotFound, [new Problem("", $"監査「{(key.Length > 40 ? key[..40] + "…" : key)}」はありません。")]))
            : (snapshot, null);
    }

    /// <summary>A finding as the public lists show it.</summary>
    internal static FindingListItemJson ToJson(FindingAsOf f) => new(
        f.AuditKey, f.Number, f.Category.Label(), f.Sequence, f.ReportPages, f.Title, f.Departments, f.Status, f.State.Code(),
        f.Published?.ToString(), f.Response);
}

/// <summary>A page of the audits, newest fiscal year first (<see cref="ListAudits.PageSize"/> a page).</summary>
public sealed record AuditListJson(int Total, int Page, int PageSize, int Pages, IReadOnlyList<AuditListItemJson> Audits);

/// <summary>One audit with its progress as of its newest document.</summary>
public sealed record AuditListItemJson(
    string Key, string Title, string Kind, string FiscalYearLabel, string? Theme, string AsOf,
    int Total, int Done, int InProgress, int WillNotImplement, int Open, IReadOnlyList<ProgressJson> Progress);

/// <summary>Progress of one category in the city's words (措置済 4 / 指摘 6).</summary>
public sealed record ProgressJson(string Category, string DoneWord, int Done, int Total);

/// <summary>One row of the summary table (集計表).</summary>
public sealed record SummaryRowJson(string Category, string Status, string State, int Count);

/// <summary>An audit as of a month: its registry fields, summary table and progress, and the months that can be asked for.</summary>
public sealed record AuditJsonSummary(
    string Key, string Title, string Kind, int FiscalYear, string FiscalYearLabel, string? Theme, string? Auditor, DateOnly? ReportDate,
    string DocumentKind, string AsOf, IReadOnlyList<SummaryRowJson> Summary, IReadOnlyList<ProgressJson> Progress, int Findings, IReadOnlyList<string> Months);

/// <summary>A page of an audit's findings.</summary>
public sealed record AuditFindingsJson(string Audit, string AsOf, int Total, int Page, int PageSize, int Pages, IReadOnlyList<FindingListItemJson> Findings);

/// <summary>A finding in a list: registry fields and the status in force.</summary>
public sealed record FindingListItemJson(
    string Audit, string Number, string Category, int Sequence, string? ReportPages, string? Title, IReadOnlyList<string> Departments,
    string Status, string State, string? Published, string? Response);
