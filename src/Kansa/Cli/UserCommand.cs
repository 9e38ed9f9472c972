using System.CommandLine;
using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary><c>kansa user add|list</c>: per-person accounts. There is no default account and no default password.</summary>
internal static class UserCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var login = new Argument<string>("LOGIN") { Description = "ログイン名 (英数字と - . _ @)" };
        var role = new Option<string>("--role") { Description = $"役割: {string.Join("、", Roles.All)}", Required = true };
        var departments = new Option<string[]>("--department") { Description = "所管課 (editor と approver は必須。複数可)", AllowMultipleArgumentsPerToken = false };
        var name = new Option<string?>("--name") { Description = "表示名" };
        var email = new Option<string?>("--email") { Description = "メールアドレス (期限のお知らせの送り先)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "パスワードを標準入力の1行目から読む (12文字以上)" };
        var add = new Command("add", "利用者を追加する (最初の管理者も)") { login, role, departments, name, email, passwordStdin };
        add.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using (var check = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct))
            {
                if (check is null)
                {
                    return KansaCli.Problems;
                }
            }

            var password = parse.GetValue(passwordStdin) ? (await console.In.ReadLineAsync(ct))?.TrimEnd('\r') : null;
            await using var services = CliServices.Build(target);
            await using var scope = services.CreateAsyncScope();
            var problems = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(
                parse.GetValue(login)!, parse.GetValue(role)!, parse.GetValue(departments) ?? [], password, parse.GetValue(name), parse.GetValue(email), ct);
            foreach (var problem in problems)
            {
                console.Error.WriteLine(problem);
            }

            if (problems.Count > 0)
            {
                return KansaCli.Problems;
            }

            console.Out.WriteLine($"利用者「{parse.GetValue(login)}」({Roles.Label(parse.GetValue(role)!)}) を追加しました。");
            if (password is null)
            {
                console.Error.WriteLine("パスワードは未設定です。--password-stdin で設定するか、シングルサインオンで利用してください。");
            }

            return 0;
        });

        var list = new Command("list", "利用者の一覧");
        list.SetAction(async (parse, ct) =>
        {
            await using var context = await Databases.OpenAsync(DatabaseTarget.Resolve(parse.GetValue(db)), console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            var rows = await context.Users.AsNoTracking()
                .Select(u => new
                {
                    u.UserName,
                    Roles = context.UserRoles.Where(r => r.UserId == u.Id).Join(context.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                    Departments = u.Departments.Select(d => d.Department!.Name).ToList(),
                })
                .OrderBy(u => u.UserName)
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                console.Out.WriteLine($"{row.UserName}\t{string.Join(",", row.Roles)}\t{string.Join("、", row.Departments)}");
            }

            return 0;
        });
        return new Command("user", "利用者の管理") { add, list };
    }
}
