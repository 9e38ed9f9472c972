using System.Globalization;
using System.Text;
using Kansa.Findings;
using Kansa.Import;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// Writes the status report in the published text layout (PRODUCT.md §3), which the importer reads back:
/// title, theme, header, one row per finding that has content or a status, then the summary table.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private static readonly string DashRow = string.Join('\t', Glossary.ReportColumns.Select(c => new string('-', Math.Max(4, c.Length * 2 - 4))));

    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public string ContentType => "text/plain; charset=utf-8";

    /// <inheritdoc />
    public string Extension => ".txt";

    /// <inheritdoc />
    public async Task WriteAsync(ReportSnapshot snapshot, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await writer.WriteAsync(Render(snapshot).AsMemory(), ct);
    }

    /// <summary>The whole document as a string.</summary>
    public static string Render(ReportSnapshot snapshot)
    {
        var sb = new StringBuilder();
        foreach (var audit in snapshot.Audits)
        {
            var listed = audit.Findings.Where(f => f.State != StatusState.Open || f.Title is not null).ToList();
            if (listed.Count > 0)
            {
                Page(sb, audit);
                foreach (var f in listed)
                {
                    sb.Append(Row(f)).Append('\n');
                }
            }

            Page(sb, audit);
            sb.Append(DashRow).Append('\n').Append('\n');
            Summary(sb, audit);
        }

        return sb.ToString();
    }

    private static void Page(StringBuilder sb, AuditSnapshot audit)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(audit.Title).Append("\n\n");
        if (audit.Theme is not null)
        {
            sb.Append(Glossary.Theme).Append('「').Append(audit.Theme).Append("」\n\n");
        }

        sb.Append(string.Join('\t', Glossary.ReportColumns)).Append('\n');
    }

    private static string Row(FindingAsOf f)
    {
        var content = HtmlCell.FromPlainText(f.Title) + (f.Excerpt is null ? "" : " " + HtmlCell.FromPlainText(f.Excerpt));
        var status = f.Published is { } p ? $"{f.Status} ({p.ToShortWareki()})" : f.Status;
        return string.Join('\t', f.Number, f.ReportPages ?? "", f.Category.Label(), string.Join('、', f.Departments), content, status, HtmlCell.FromPlainText(f.Response));
    }

    private static void Summary(StringBuilder sb, AuditSnapshot audit)
    {
        var categories = FindingCategories.All.Where(c => audit.Summary.Any(r => r.Category == c)).ToList();
        if (categories.Count == 0)
        {
            return;
        }

        sb.Append(string.Join('\t', categories.Select(c => c.Label() + (c == FindingCategory.Finding ? "事項" : "") + "\t"))).Append('\n');
        var states = audit.Summary.Select(r => r.State).Distinct().ToList();
        foreach (var state in states)
        {
            sb.Append(string.Join('\t', categories.Select(c =>
                audit.Summary.FirstOrDefault(r => r.Category == c && r.State == state) is { } row
                    ? $"{row.Status}\t{row.Count.ToString(CultureInfo.InvariantCulture)}"
                    : "\t"))).Append('\n');
        }

        sb.Append(string.Join('\t', categories.Select(c =>
            $"{Glossary.Total}\t{audit.Summary.Where(r => r.Category == c).Sum(r => r.Count).ToString(CultureInfo.InvariantCulture)}"))).Append('\n');
    }
}
