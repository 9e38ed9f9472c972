using Kansa.Departments;
using Kansa.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Accounts;

/// <summary>Creates a person's account with one role and, for editors and approvers, their departments.</summary>
public sealed class AddUser(UserManager<KansaUser> users, RoleManager<IdentityRole> roles, KansaDbContext db)
{
    /// <summary>Creates the user (the e-mail address receives due-date notices); problems come back as Japanese messages naming the field.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string login, string role, IReadOnlyList<string> departments, string? password, string? displayName, string? email, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!Roles.All.Contains(role))
        {
            problems.Add($"--role: 「{role}」という役割はありません (使えるのは {string.Join("、", Roles.All)})");
        }

        var names = departments.Select(Identifiers.Normalize).Where(n => n.Length > 0).Distinct().ToList();
        if (Roles.DepartmentBound.Contains(role) && names.Count == 0)
        {
            problems.Add($"--department: {role} には所管課が必要です");
        }

        if (await users.FindByNameAsync(login) is not null)
        {
            problems.Add($"LOGIN: 「{login}」はすでに使われています");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new KansaUser { UserName = login, DisplayName = displayName ?? login, Email = email, EmailConfirmed = email is not null };
        // A department is found by any name it has had, and a merged one stands for the department that took it over.
        var history = await DepartmentHistory.LoadAsync(db, ct);
        foreach (var name in names)
        {
            var known = history.FindByName(name);
            var survivor = known is null ? 0 : history.SurvivorAt(known.Id, null);
            var department = known is null
                ? db.Departments.Add(new Department { Name = name }).Entity
                : await db.Departments.FirstAsync(d => d.Id == survivor, ct);
            user.Departments.Add(new UserDepartment { UserId = user.Id, Department = department });
        }

        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => $"{(e.Code.Contains("Password", StringComparison.Ordinal) || e.Code == "WeakPassword" ? "パスワード" : "LOGIN")}: {e.Description}")];
        }

        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await users.AddToRoleAsync(user, role);
        await transaction.CommitAsync(ct);
        return [];
    }
}
