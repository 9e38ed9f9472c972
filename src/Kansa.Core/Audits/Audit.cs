namespace Kansa.Audits;

/// <summary>One audit (包括外部監査, 定期監査 …) with its findings.</summary>
public sealed class Audit
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Readable, stable key used in URLs and exports: R5-包括外部監査.</summary>
    public required string Key { get; set; }

    /// <summary>The audit kind as the city writes it: 包括外部監査.</summary>
    public required string Kind { get; set; }

    /// <summary>Fiscal year (年度) of the audit, as a western year: 2023 for 令和5年度.</summary>
    public int FiscalYear { get; set; }

    /// <summary>The theme (テーマ), when the audit has one.</summary>
    public string? Theme { get; set; }

    /// <summary>The auditor's name, when known.</summary>
    public string? Auditor { get; set; }

    /// <summary>The date the audit report was submitted, when known.</summary>
    public DateOnly? ReportDate { get; set; }

    /// <summary>The 〜現在 month of the newest status report read for this audit, even one that changed nothing.</summary>
    public Calendar.YearMonth? LatestDocument { get; set; }

    /// <summary>What the city calls its status document: 対応状況, 措置状況 ….</summary>
    public string DocumentKind { get; set; } = Glossary.StatusReport;

    /// <summary>Changes on every edit; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The findings of this audit.</summary>
    public List<Findings.Finding> Findings { get; set; } = [];
}
