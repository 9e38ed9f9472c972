namespace Kansa.Reports;

/// <summary>Writes a <see cref="ReportSnapshot"/> in one published format.</summary>
public interface IReportWriter
{
    /// <summary>The format's name on the command line: text, json, csv, xlsx.</summary>
    string Format { get; }

    /// <summary>The media type for HTTP.</summary>
    string ContentType { get; }

    /// <summary>The file extension, with its dot.</summary>
    string Extension { get; }

    /// <summary>Writes the snapshot.</summary>
    Task WriteAsync(ReportSnapshot snapshot, Stream output, CancellationToken ct);
}

/// <summary>The report formats Kansa writes.</summary>
public static class ReportWriters
{
    /// <summary>Every writer, by format name.</summary>
    public static IReadOnlyList<IReportWriter> All { get; } = [new TextReportWriter(), new JsonReportWriter(), new CsvReportWriter(), new XlsxReportWriter()];

    /// <summary>Every writer, the JSON one writing the city's licence.</summary>
    public static IReadOnlyList<IReportWriter> With(OpenDataLicense license) =>
        [.. All.Select(w => w is JsonReportWriter ? new JsonReportWriter(license) : w)];

    /// <summary>Finds a writer by format name.</summary>
    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
