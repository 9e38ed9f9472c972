using Kansa.Calendar;

namespace Kansa.Departments;

/// <summary>
/// A responsible department (所管課). Departments are renamed and merged over the years (組織改編): the names it
/// had are kept with the month each starts, and a merged department points to the one that took it over.
/// </summary>
public sealed class Department
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Its newest name, normalized (NFKC, single spaces).</summary>
    public required string Name { get; set; }

    /// <summary>The names it has had, each from a month; empty while it was never renamed.</summary>
    public List<DepartmentName> Names { get; set; } = [];

    /// <summary>The department it was merged into, when it was.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The month from which it is part of <see cref="MergedIntoId"/>.</summary>
    public YearMonth? MergedFrom { get; set; }

    /// <summary>Changes on every edit; a stale value means someone else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
