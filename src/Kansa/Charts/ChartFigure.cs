namespace Kansa.Charts;

/// <summary>What the _BarChartFigure partial shows: the chart image and the table of its numbers.</summary>
/// <param name="Id">The table's id (unique on the page).</param>
/// <param name="Src">The chart image's address.</param>
/// <param name="GroupHeader">The header of the first column (公表年月, 所管課 …).</param>
/// <param name="Chart">The chart's data.</param>
public sealed record ChartFigure(string Id, string Src, string GroupHeader, BarChart Chart);
