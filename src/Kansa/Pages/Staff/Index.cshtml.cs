using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Pages.Staff;

/// <summary>The staff home page: who is signed in, with which role and departments.</summary>
public sealed class IndexModel(UserManager<KansaUser> users, KansaDbContext db) : PageModel
{
    /// <summary>The signed-in person's display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Their roles.</summary>
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>Their departments.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        Name = user?.DisplayName ?? User.Identity?.Name ?? "";
        RoleNames = user is null ? [] : [.. (await users.GetRolesAsync(user)).Select(Roles.Label)];
        Departments = user is null ? [] : await db.UserDepartments.Where(d => d.UserId == user.Id).Select(d => d.Department!.Name).ToListAsync(ct);
    }
}
