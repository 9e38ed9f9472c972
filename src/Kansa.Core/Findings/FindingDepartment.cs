using Kansa.Departments;

namespace Kansa.Findings;

/// <summary>Link between a finding and one of its responsible departments.</summary>
public sealed class FindingDepartment
{
    /// <summary>The finding.</summary>
    public int FindingId { get; set; }

    /// <summary>The department.</summary>
    public int DepartmentId { get; set; }

    /// <summary>The department.</summary>
    public Department? Department { get; set; }

    /// <summary>Order in which the document lists the departments.</summary>
    public int Position { get; set; }
}
