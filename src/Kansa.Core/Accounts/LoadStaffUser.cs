using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Accounts;

/// <summary>Loads a <see cref="StaffUser"/> (roles and departments) by user id.</summary>
public sealed class LoadStaffUser(KansaDbContext db)
{
    /// <summary>The person, or null when the id is unknown.</summary>
    public async Task<StaffUser?> RunAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var departments = await db.UserDepartments.Where(d => d.UserId == userId).Select(d => d.DepartmentId).ToListAsync(ct);

        // A department merged into theirs (組織改編) brought its findings along: its staff act on them too.
        var merges = await db.Departments.Where(d => d.MergedIntoId != null).Select(d => new { d.Id, Into = d.MergedIntoId!.Value }).ToListAsync(ct);
        var acting = departments.ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var m in merges.Where(m => acting.Contains(m.Into)))
            {
                grew |= acting.Add(m.Id);
            }
        }

        return new StaffUser(userId, user.UserName!, roles.ToHashSet(StringComparer.Ordinal), acting);
    }
}
