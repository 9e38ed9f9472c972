using Kansa.Accounts;
using Kansa.Dashboards;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Pages.Staff;

/// <summary>The staff home page: who is signed in, and what waits for them (their dashboard).</summary>
public sealed class IndexModel(UserManager<KansaUser> users, KansaDbContext db, CurrentStaff staff, LoadDashboard load, ResolveActorNames names) : PageModel
{
    /// <summary>The signed-in person's display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Their roles.</summary>
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>Their departments.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>Whether they may read the change log.</summary>
    public bool ReadsChangeLog { get; private set; }

    /// <summary>Whether they draft responses.</summary>
    public bool IsEditor { get; private set; }

    /// <summary>Whether they approve responses.</summary>
    public bool IsApprover { get; private set; }

    /// <summary>Their dashboard.</summary>
    public Dashboard? Dashboard { get; private set; }

    /// <summary>The names of the people the dashboard shows.</summary>
    public ActorNames People { get; private set; } = ActorNames.None;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        Name = user?.DisplayName ?? User.Identity?.Name ?? "";
        RoleNames = user is null ? [] : [.. (await users.GetRolesAsync(user)).Select(Roles.Label)];
        Departments = user is null ? [] : await db.UserDepartments.Where(d => d.UserId == user.Id).Select(d => d.Department!.Name).ToListAsync(ct);
        if (await staff.GetAsync(ct) is { } person)
        {
            Dashboard = await load.RunAsync(person, ct);
            People = await names.RunAsync(Dashboard.WaitingForApproval.Concat(Dashboard.Returned).Select(i => i.By), ct);
            ReadsChangeLog = person.Is(Roles.Admin) || person.Is(Roles.Auditor);
            IsEditor = person.Is(Roles.Editor);
            IsApprover = person.Is(Roles.Approver);
        }
    }

    /// <summary>A day as the pages write it.</summary>
    public static string Day(DateOnly day) => StaffPage.Day(day);

    /// <summary>A moment in Japan time.</summary>
    public static string Moment(DateTimeOffset at) => StaffPage.Time(at);

    /// <summary>The Japanese name of a response stage.</summary>
    public static string StageLabel(Responses.ResponseStage? stage) => stage switch
    {
        null => "未着手",
        Responses.ResponseStage.Draft => "下書き",
        Responses.ResponseStage.Submitted => "承認待ち",
        Responses.ResponseStage.Approved => "承認済",
        Responses.ResponseStage.Returned => "差戻し",
        Responses.ResponseStage.Withdrawn => "取下げ",
        _ => "公表済",
    };
}
