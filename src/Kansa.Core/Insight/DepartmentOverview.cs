using Kansa.Calendar;

namespace Kansa.Insight;

/// <summary>
/// A department's findings across audits, for the public pages: how many, how many still open and the one open longest.
/// Due dates are the coordinator's internal requests, not a publication: overdue counts stay on the staff dashboard.
/// </summary>
/// <param name="Id">The department's id.</param>
/// <param name="Name">Its newest name.</param>
/// <param name="FormerNames">The names it had before, oldest first, each with the month its next name began.</param>
/// <param name="MergedInto">The department it was merged into (id, newest name, from), when it was.</param>
/// <param name="Absorbed">The departments merged into it (id, newest name).</param>
/// <param name="Findings">Its findings and those of the departments merged into it, newest audit first.</param>
public sealed record DepartmentOverview(
    int Id,
    string Name,
    IReadOnlyList<FormerName> FormerNames,
    (int Id, string Name, YearMonth? From)? MergedInto,
    IReadOnlyList<(int Id, string Name)> Absorbed,
    IReadOnlyList<FindingAge> Findings)
{
    /// <summary>Findings still to be dealt with.</summary>
    public int Open => Findings.Count(f => f.IsOpen);

    /// <summary>Findings done (措置済, 対応済).</summary>
    public int Done => Findings.Count(f => f.DoneMonth is not null);

    /// <summary>Open findings whose report is a year old or more.</summary>
    public int OpenAYearOrMore => Findings.Count(f => f.MonthsOpen >= 12);

    /// <summary>The open finding with the oldest report (ties: the lower number).</summary>
    public FindingAge? OldestOpen => Findings.Where(f => f.IsOpen)
        .OrderByDescending(f => f.MonthsOpen).ThenBy(f => f.ReportMonth).ThenBy(f => f.Finding.Sequence).FirstOrDefault();
}

/// <summary>A name a department had.</summary>
/// <param name="Name">The name.</param>
/// <param name="Until">The month its next name began.</param>
public sealed record FormerName(string Name, YearMonth? Until);
