using Kansa.Findings;

namespace Kansa.Pages.Audits;

/// <summary>One table of findings on the audit page: the published ones, or the unpublished ones of a category behind their line.</summary>
/// <param name="AuditKey">The audit, for the links.</param>
/// <param name="Id">The id of the table's caption, which names its scroll box.</param>
/// <param name="Caption">The caption.</param>
/// <param name="Rows">The findings.</param>
public sealed record FindingTable(string AuditKey, string Id, string Caption, IReadOnlyList<FindingAsOf> Rows);
