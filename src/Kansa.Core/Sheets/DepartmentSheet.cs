namespace Kansa.Sheets;

/// <summary>The rows of one department's worksheet.</summary>
/// <param name="DepartmentId">The department (as it is now, after merges).</param>
/// <param name="Name">Its current name, which is also the worksheet's name (shortened to what Excel allows).</param>
/// <param name="Rows">One row per finding that needs a response (or, when asked, per finding), in number order.</param>
public sealed record DepartmentSheet(int DepartmentId, string Name, IReadOnlyList<SheetRow> Rows);

/// <summary>The department sheets of one audit.</summary>
/// <param name="AuditKey">The audit.</param>
/// <param name="Title">Its title for the sheets (令和5年度包括外部監査).</param>
/// <param name="Sheets">One per department.</param>
/// <param name="WithoutDepartment">Findings that need a response but have no department yet (left out: nobody can answer them).</param>
/// <param name="DoneLeftOut">Findings of the chosen departments left out because they are done and done ones were not asked for.</param>
public sealed record DepartmentSheets(string AuditKey, string Title, IReadOnlyList<DepartmentSheet> Sheets, IReadOnlyList<string> WithoutDepartment, int DoneLeftOut);
