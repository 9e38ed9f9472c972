namespace Kansa.Accounts;

/// <summary>
/// A signed-in person as the use cases see them: login, roles and departments. Editors and approvers act only on
/// findings of their own departments; the others by role.
/// </summary>
/// <param name="UserId">Identity's user id.</param>
/// <param name="Login">The login name.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="DepartmentIds">The departments they act for, with the departments merged into them (組織改編).</param>
public sealed record StaffUser(string UserId, string Login, IReadOnlySet<string> Roles, IReadOnlySet<int> DepartmentIds)
{
    /// <summary>The name the change log and histories use.</summary>
    public string Actor => "user:" + Login;

    /// <summary>Whether they have a role.</summary>
    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Admin or coordinator: registry, requests, rounds, corrections.</summary>
    public bool IsCoordinator => Is(Accounts.Roles.Admin) || Is(Accounts.Roles.Coordinator);

    /// <summary>Whether they may read a finding with these departments (everyone but editors and approvers reads all).</summary>
    public bool CanRead(IEnumerable<int> findingDepartmentIds) =>
        IsCoordinator || Is(Accounts.Roles.Auditor) || Is(Accounts.Roles.Viewer) || SharesDepartment(findingDepartmentIds);

    /// <summary>Whether an editor may draft for a finding with these departments.</summary>
    public bool CanDraft(IEnumerable<int> findingDepartmentIds) => Is(Accounts.Roles.Editor) && SharesDepartment(findingDepartmentIds);

    /// <summary>Whether an approver may approve for a finding with these departments.</summary>
    public bool CanApprove(IEnumerable<int> findingDepartmentIds) => Is(Accounts.Roles.Approver) && SharesDepartment(findingDepartmentIds);

    private bool SharesDepartment(IEnumerable<int> findingDepartmentIds) => findingDepartmentIds.Any(DepartmentIds.Contains);
}
