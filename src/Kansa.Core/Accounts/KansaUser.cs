using Microsoft.AspNetCore.Identity;

namespace Kansa.Accounts;

/// <summary>A person's own account: no shared logins (R5-指-7).</summary>
public sealed class KansaUser : IdentityUser
{
    /// <summary>The name shown in histories and the change log.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The departments an editor or approver acts for.</summary>
    public List<UserDepartment> Departments { get; set; } = [];
}
