using Kansa.Findings;
using Kansa.Insight;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Charts;

/// <summary>
/// The charts as SVG images of their own (an &lt;img&gt; on the page: no inline SVG style for the CSP to weigh, and the
/// static copy saves them as files). Public: they draw published data only, as the pages beside them do.
/// </summary>
public static class ChartEndpoints
{
    /// <summary>The media type of the charts.</summary>
    public const string MediaType = "image/svg+xml; charset=utf-8";

    /// <summary>Maps the chart images.</summary>
    public static WebApplication MapKansaCharts(this WebApplication app)
    {
        app.MapGet("/audits/{key}/progress-{category}.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
            string key, string category, LoadAuditProgress load, CancellationToken ct) =>
        {
            var progress = await load.RunAsync(key, ct);
            var rounds = progress?.Categories.FirstOrDefault(c => InsightCharts.Code(c.Category) == category);
            return progress is null || rounds is null
                ? TypedResults.Problem(statusCode: 404, title: "グラフが見つかりません", detail: $"監査「{key}」の「{category}」のグラフはありません。")
                : Svg(InsightCharts.Progress(progress.AuditName, rounds));
        }).AllowAnonymous();
        app.MapGet("/departments/chart.svg", async (LoadDepartmentOverviews load, CancellationToken ct) =>
            Svg(InsightCharts.Departments(Current(await load.AllAsync(ct))))).AllowAnonymous();
        app.MapGet("/ageing/spans.svg", async (LoadFindingAges load, CancellationToken ct) =>
            Svg(InsightCharts.Spans(AgeingSummary.From(await load.AllAsync(ct))))).AllowAnonymous();
        app.MapGet("/ageing/years.svg", async (LoadFindingAges load, CancellationToken ct) =>
            Svg(InsightCharts.Years(AgeingSummary.From(await load.AllAsync(ct))))).AllowAnonymous();
        return app;
    }

    /// <summary>The departments drawn on the index chart: those not merged into another.</summary>
    public static IReadOnlyList<DepartmentOverview> Current(IReadOnlyList<DepartmentOverview> all) => [.. all.Where(d => d.MergedInto is null)];

    /// <summary>The height a chart is drawn at: a horizontal chart grows with its bars.</summary>
    public static int HeightFor(BarChart chart) => chart.Horizontal ? Math.Max(240, 110 + (chart.Groups.Count * 28)) : 360;

    private static ContentHttpResult Svg(BarChart chart) =>
        TypedResults.Content(ChartSvg.Render(chart, height: HeightFor(chart)), MediaType);
}
