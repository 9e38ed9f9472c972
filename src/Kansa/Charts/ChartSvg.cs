using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScottPlot;

namespace Kansa.Charts;

/// <summary>
/// Draws a <see cref="BarChart"/> as SVG with ScottPlot (SkiaSharp's SVG canvas), on the server, with nothing fetched at
/// run time. The SVG is then given what a reader needs: a title and a description, a viewBox so that it scales, a font
/// list that falls back to any Japanese font of the reader's machine, and no inline style (the CSP allows none).
/// </summary>
public static partial class ChartSvg
{
    /// <summary>The font the labels are measured with (Debian fonts-ipaexfont); any installed font works if it is missing.</summary>
    public const string FontName = "IPAexGothic";

    /// <summary>The font list written into the SVG: the reader's browser draws the text.</summary>
    public const string FontFamily = "IPAexGothic, 'IPAexゴシック', 'BIZ UDPGothic', 'Noto Sans JP', 'Hiragino Sans', Meiryo, sans-serif";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // One ScottPlot render at a time: the library shares font caches between plots.
    private static readonly Lock Gate = new();

    /// <summary>The chart as an SVG document.</summary>
    public static string Render(BarChart chart, int width = 720, int height = 360)
    {
        string svg;
        lock (Gate)
        {
            svg = Draw(chart).GetSvgXml(width, height);
        }

        return Finish(svg, chart, width, height);
    }

    private static Plot Draw(BarChart chart)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var bars = new List<Bar>();
        for (var i = 0; i < chart.Groups.Count; i++)
        {
            double bottom = 0;
            foreach (var series in chart.Series)
            {
                var value = series.Values[i];
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bottom,
                    Value = bottom + value,
                    FillColor = Color.FromHex(series.Color),
                    LineWidth = 0,
                    Size = 0.7,
                });
                bottom += value;
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = chart.Horizontal;
        var ticks = chart.Groups.Select((g, i) => new Tick(i, g)).ToArray();
        IAxis groupAxis = chart.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        IAxis valueAxis = chart.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        groupAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        valueAxis.Label.Text = chart.ValueLabel;
        var max = Math.Max(1, Enumerable.Range(0, chart.Groups.Count).Select(i => chart.Series.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max());
        if (chart.Horizontal)
        {
            plot.Axes.SetLimits(0, max * 1.05, chart.Groups.Count - 0.5, -0.5);
        }
        else
        {
            plot.Axes.SetLimits(-0.5, chart.Groups.Count - 0.5, 0, max * 1.05);
        }

        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.12);
        foreach (var series in chart.Series)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Label, FillColor = Color.FromHex(series.Color) });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Title(chart.Title);
        return plot;
    }

    private static string Finish(string svg, BarChart chart, int width, int height)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", "chart-title chart-desc");
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", "chart-title"), chart.Title),
            new XElement(Svg + "desc", new XAttribute("id", "chart-desc"), chart.Description));
        foreach (var element in root.Descendants())
        {
            // Skia writes "IPAexGothic, , IPAexゴシック" and coordinate lists ending in ", ": both are tidied for every browser.
            if (element.Attribute("font-family") is { } font)
            {
                font.Value = FontFamily;
            }

            foreach (var name in new[] { "x", "y" })
            {
                if (element.Name == Svg + "text" && element.Attribute(name) is { } list)
                {
                    list.Value = TrailingSeparator().Replace(list.Value, "");
                }
            }

            element.Attribute("style")?.Remove();
        }

        foreach (var text in root.Descendants(Svg + "text"))
        {
            text.Value = text.Value.Trim();
        }

        return doc.Declaration + doc.ToString(SaveOptions.DisableFormatting);
    }

    [GeneratedRegex(@"[,\s]+$")]
    private static partial Regex TrailingSeparator();
}
