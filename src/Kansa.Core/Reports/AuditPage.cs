using Kansa.Findings;
using Kansa.Status;

namespace Kansa.Reports;

/// <summary>The filters of the audit page; every one is optional.</summary>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="State">A state.</param>
/// <param name="Department">A department, by its name of the month.</param>
/// <param name="ListUnpublished">List the unpublished findings among the others instead of one line per category.</param>
/// <param name="Page">The page of the main table, from 1 (a page past the last shows the last).</param>
public sealed record AuditPageFilter(FindingCategory? Category = null, StatusState? State = null, string? Department = null, bool ListUnpublished = false, int Page = 1)
{
    /// <summary>Rows per page of the main table, and the most rows behind a collapsed line.</summary>
    public const int PageSize = 100;
}

/// <summary>How many findings of a category are in a state under a word, at the page's month.</summary>
/// <param name="Category">The category.</param>
/// <param name="State">The state.</param>
/// <param name="Word">The word in force (the category's word for open when nothing is).</param>
/// <param name="Count">How many.</param>
public sealed record StateCount(FindingCategory Category, StatusState State, string Word, int Count);

/// <summary>The unpublished findings of a category, shown as one line.</summary>
/// <param name="Category">The category.</param>
/// <param name="Count">How many pass the filters.</param>
/// <param name="Rows">The first of them (at most <see cref="AuditPageFilter.PageSize"/>), in report order.</param>
public sealed record CollapsedGroup(FindingCategory Category, int Count, IReadOnlyList<FindingAsOf> Rows);

/// <summary>One page of an audit.</summary>
/// <param name="Audit">The audit as of the month, with its summary table counted over every finding; its findings are the ones this page shows.</param>
/// <param name="Counts">The counts behind the summary, by word (the state filter offers the words the audit uses).</param>
/// <param name="Departments">The departments of the audit's findings, by their names of the month.</param>
/// <param name="Listed">The rows of the main table on this page.</param>
/// <param name="ListedTotal">The rows of the main table on every page.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="Collapsed">The unpublished findings by category (empty when they are listed).</param>
public sealed record AuditPage(
    AuditSnapshot Audit,
    IReadOnlyList<StateCount> Counts,
    IReadOnlyList<string> Departments,
    IReadOnlyList<FindingAsOf> Listed,
    int ListedTotal,
    int Page,
    IReadOnlyList<CollapsedGroup> Collapsed)
{
    /// <summary>The number of pages of the main table (at least 1).</summary>
    public int PageCount => Math.Max(1, (ListedTotal + AuditPageFilter.PageSize - 1) / AuditPageFilter.PageSize);

    /// <summary>Every finding that passes the filters, listed or collapsed.</summary>
    public int Total => ListedTotal + Collapsed.Sum(c => c.Count);

    /// <summary>The position of this page's first row, from 1 (0 when there is none).</summary>
    public int First => Listed.Count == 0 ? 0 : ((Page - 1) * AuditPageFilter.PageSize) + 1;

    /// <summary>The position of this page's last row.</summary>
    public int Last => Listed.Count == 0 ? 0 : First + Listed.Count - 1;
}
