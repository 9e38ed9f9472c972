using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary>
/// The person a command acts as (<c>--as LOGIN</c>): the same rights and the same name in the change log as when that
/// person does it on the web pages. Commands that act for someone name them instead of acting as the operator.
/// </summary>
internal static class CliStaff
{
    /// <summary>The account's staff view, or null after saying in Japanese that there is none.</summary>
    public static async Task<StaffUser?> FindAsync(DatabaseTarget target, string login, CliConsole console, CancellationToken ct)
    {
        await using var scope = CliServices.Scope(target);
        var normalized = login.ToUpperInvariant();
        var id = await scope.Context.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var user = id is null ? null : await scope.Get<LoadStaffUser>().RunAsync(id, ct);
        if (user is null)
        {
            console.Error.WriteLine($"--as: ログイン名「{login}」のアカウントはありません (kansa user list で確認してください)。");
        }

        return user;
    }

    /// <summary>Writes each problem's message to standard error and gives the exit code of an input problem.</summary>
    public static int Fail(IReadOnlyList<Problem> problems, CliConsole console)
    {
        foreach (var p in problems)
        {
            console.Error.WriteLine(p.Message);
        }

        return KansaCli.Problems;
    }
}
