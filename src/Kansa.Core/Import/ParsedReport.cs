using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Import;

/// <summary>What one status-report file says, after parsing and checking.</summary>
/// <param name="Source">The file as the user named it.</param>
/// <param name="Audits">The audits the file reports on, in order of appearance.</param>
public sealed record ParsedReport(string Source, IReadOnlyList<ParsedAudit> Audits);

/// <summary>One audit of a status report.</summary>
public sealed record ParsedAudit(
    int Line,
    int FiscalYear,
    string Kind,
    string DocumentKind,
    string? Theme,
    YearMonth AsOf,
    IReadOnlyList<ParsedRow> Rows,
    IReadOnlyList<InferredFinding> Inferred);

/// <summary>One listed finding with the status the document gives it.</summary>
public sealed record ParsedRow(
    int Line,
    FindingNumber Number,
    FindingCategory Category,
    ReportPages? Pages,
    IReadOnlyList<string> Departments,
    string Title,
    string? Excerpt,
    string Word,
    StatusState State,
    YearMonth? Published,
    string? Response);

/// <summary>A finding the summary table counts but the document does not list: still open.</summary>
public sealed record InferredFinding(string Number, FindingCategory Category, int Sequence, string Word);
