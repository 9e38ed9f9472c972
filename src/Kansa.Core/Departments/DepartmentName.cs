using Kansa.Calendar;

namespace Kansa.Departments;

/// <summary>A name a department had from a month on (until its next name).</summary>
public sealed class DepartmentName
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The department.</summary>
    public int DepartmentId { get; set; }

    /// <summary>The name, normalized like <see cref="Department.Name"/>.</summary>
    public required string Name { get; set; }

    /// <summary>The first month of the name; null for the name it had from the start.</summary>
    public YearMonth? From { get; set; }
}
