namespace Kansa.Accounts;

/// <summary>A department a user acts for.</summary>
public sealed class UserDepartment
{
    /// <summary>The user.</summary>
    public required string UserId { get; set; }

    /// <summary>The department.</summary>
    public int DepartmentId { get; set; }

    /// <summary>The department.</summary>
    public Departments.Department? Department { get; set; }
}
