using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>What the city published as of a month: the input of every report format and public page.</summary>
/// <param name="AsOf">The month the report describes.</param>
/// <param name="Audits">The audits in it.</param>
public sealed record ReportSnapshot(YearMonth AsOf, IReadOnlyList<AuditSnapshot> Audits);

/// <summary>One audit as of a month.</summary>
public sealed record AuditSnapshot(
    string Key,
    string Kind,
    int FiscalYear,
    string? Theme,
    string? Auditor,
    DateOnly? ReportDate,
    string DocumentKind,
    YearMonth AsOf,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<FindingAsOf> Findings)
{
    /// <summary>令和5年度.</summary>
    public string FiscalYearLabel => Audits.FiscalYears.Label(FiscalYear);

    /// <summary>The report's title: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在).</summary>
    public string Title => $"{FiscalYearLabel}{Kind}{DocumentKind}({AsOf.ToWareki()}{Glossary.AsOf})";
}

/// <summary>One row of the summary table: how many findings of a category are in a state.</summary>
public sealed record SummaryRow(FindingCategory Category, string Status, StatusState State, int Count);
