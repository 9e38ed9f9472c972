namespace Kansa.Departments;

/// <summary>A responsible department (所管課), by the name documents give it.</summary>
public sealed class Department
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Normalized name (NFKC, single spaces).</summary>
    public required string Name { get; set; }
}
