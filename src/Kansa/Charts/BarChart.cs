namespace Kansa.Charts;

/// <summary>
/// A stacked bar chart as data: one bar per group, one segment per series. The page shows the same numbers as a table;
/// the chart is drawn from this by <see cref="ChartSvg"/>.
/// </summary>
/// <param name="Title">The chart's title (also the SVG's title).</param>
/// <param name="Description">What the chart shows, in one sentence (the SVG's desc and the image's alt text).</param>
/// <param name="Groups">The bars' labels (R6.6, DX推進課 …), in order.</param>
/// <param name="Series">The segments, bottom (or left) first.</param>
/// <param name="ValueLabel">The value axis' label (件).</param>
/// <param name="Horizontal">Bars from the left instead of from the bottom (for long labels).</param>
public sealed record BarChart(
    string Title,
    string Description,
    IReadOnlyList<string> Groups,
    IReadOnlyList<BarSeries> Series,
    string ValueLabel,
    bool Horizontal = false);

/// <summary>One series of a <see cref="BarChart"/>.</summary>
/// <param name="Label">Its legend text.</param>
/// <param name="Color">Its colour (#RRGGBB).</param>
/// <param name="Values">One value per group.</param>
public sealed record BarSeries(string Label, string Color, IReadOnlyList<int> Values);

/// <summary>Colours that stay apart in grey print and for colour-blind readers (dark blue, light grey, orange, dark red).</summary>
public static class ChartColors
{
    /// <summary>Done.</summary>
    public const string Done = "#1D4E89";

    /// <summary>Done, a second shade (done late).</summary>
    public const string DoneLater = "#7AA6DA";

    /// <summary>Open.</summary>
    public const string Open = "#C8C8C8";

    /// <summary>Open for long.</summary>
    public const string OpenLong = "#B5451B";
}
