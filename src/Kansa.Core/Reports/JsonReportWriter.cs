using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>
/// Writes the public open-data format <c>kansa/1</c> (PRODUCT.md §6, schemas/kansa-1.schema.json).
/// Field names are part of the product: change them only with a new schema version.
/// </summary>
/// <param name="license">The licence written into the document; the default (<see cref="OpenDataLicense.Default"/>) when null.</param>
public sealed class JsonReportWriter(OpenDataLicense? license = null) : IReportWriter
{
    /// <summary>The schema identifier written in every document.</summary>
    public const string Schema = "kansa/1";

    /// <summary>Serializer settings of the format: camelCase, nulls written, Japanese kept readable.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public string Extension => ".json";

    /// <inheritdoc />
    public async Task WriteAsync(ReportSnapshot snapshot, Stream output, CancellationToken ct)
    {
        await JsonSerializer.SerializeAsync(output, ToDocument(snapshot, license), Options, ct);
        await output.WriteAsync("\n"u8.ToArray(), ct);
    }

    /// <summary>The document object of a snapshot, under the licence (the default when null).</summary>
    public static KansaDocument ToDocument(ReportSnapshot snapshot, OpenDataLicense? license = null) => new(
        Schema,
        snapshot.AsOf.ToString(),
        LicenseDocument.Of((license ?? OpenDataLicense.Default).OrDefault()),
        [.. snapshot.Audits.Select(a => new AuditDocument(
            a.Key, a.Kind, a.FiscalYear, a.FiscalYearLabel, a.Theme, a.Auditor, a.ReportDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.AsOf.ToString(),
            [.. a.Summary.Select(s => new SummaryDocument(s.Category.Label(), s.Status, s.State.Code(), s.Count))],
            [.. a.Findings.Select(f => new FindingDocument(
                f.Number, f.Category.Label(), f.Sequence, f.ReportPages, f.PageFrom, f.PageTo, f.Departments, f.Title, f.Excerpt,
                f.Status, f.State.Code(), f.Published?.ToString(), f.Response))]))]);
}

/// <summary>The top level of a <c>kansa/1</c> document. <c>license</c> was added within kansa/1 (optional in the schema).</summary>
public sealed record KansaDocument(string Schema, string AsOf, LicenseDocument License, IReadOnlyList<AuditDocument> Audits);

/// <summary>The terms of use of a <c>kansa/1</c> document: the licence's name and the URL of its text.</summary>
public sealed record LicenseDocument(string Name, string? Url)
{
    /// <summary>The document form of a licence setting.</summary>
    public static LicenseDocument Of(OpenDataLicense license) =>
        new(license.Name, string.IsNullOrWhiteSpace(license.Url) ? null : license.Url);
}

/// <summary>An audit in a <c>kansa/1</c> document.</summary>
public sealed record AuditDocument(
    string Key,
    string Kind,
    int FiscalYear,
    string FiscalYearLabel,
    string? Theme,
    string? Auditor,
    string? ReportDate,
    string AsOf,
    IReadOnlyList<SummaryDocument> Summary,
    IReadOnlyList<FindingDocument> Findings);

/// <summary>A summary row in a <c>kansa/1</c> document.</summary>
public sealed record SummaryDocument(string Category, string Status, string State, int Count);

/// <summary>A finding in a <c>kansa/1</c> document.</summary>
public sealed record FindingDocument(
    string Number,
    string Category,
    int Sequence,
    string? ReportPages,
    int? PageFrom,
    int? PageTo,
    IReadOnlyList<string> Departments,
    string? Title,
    string? Excerpt,
    string Status,
    string State,
    string? Published,
    string? Response);
