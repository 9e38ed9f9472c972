using Kansa.Calendar;
using Kansa.Status;

namespace Kansa.Findings;

/// <summary>One finding (指摘) or opinion (意見) of an audit.</summary>
public sealed class Finding
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The audit it belongs to.</summary>
    public int AuditId { get; set; }

    /// <summary>The audit it belongs to.</summary>
    public Audits.Audit? Audit { get; set; }

    /// <summary>Normalized number, unique within the audit: R5-指-3.</summary>
    public required string Number { get; set; }

    /// <summary>指摘 or 意見.</summary>
    public FindingCategory Category { get; set; }

    /// <summary>Sequence within the category.</summary>
    public int Sequence { get; set; }

    /// <summary>Pages of the audit report, normalized (P160~161).</summary>
    public string? ReportPages { get; set; }

    /// <summary>First page of the range.</summary>
    public int? PageFrom { get; set; }

    /// <summary>Last page of the range.</summary>
    public int? PageTo { get; set; }

    /// <summary>The finding's title; null while only the summary table has told us it exists.</summary>
    public string? Title { get; set; }

    /// <summary>Excerpt of the report as plain text (paragraphs separated by a blank line, list items as ・ lines).</summary>
    public string? Excerpt { get; set; }

    /// <summary>The month of the document the registry fields were last taken from.</summary>
    public YearMonth? ContentAsOf { get; set; }

    /// <summary>Changes on every edit; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Responsible departments in the order the document lists them.</summary>
    public List<FindingDepartment> Departments { get; set; } = [];

    /// <summary>Every status the finding has had, never overwritten.</summary>
    public List<StatusRecord> StatusRecords { get; set; } = [];
}
