using System.CommandLine;
using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa token create|revoke</c>: personal API tokens, shown once, stored hashed.</summary>
internal static class TokenCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var login = new Argument<string>("LOGIN") { Description = "トークンの持ち主のログイン名" };
        var name = new Option<string>("--name") { Description = "トークンの名前 (用途)", DefaultValueFactory = _ => "api" };
        var create = new Command("create", "個人用の API トークンを作る (表示は一度だけ)") { login, name };
        create.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);

            var (token, secret) = await scope.Get<ApiTokens>().CreateAsync(parse.GetValue(login)!, parse.GetValue(name)!, ct);
            if (token is null)
            {
                console.Error.WriteLine($"LOGIN: 利用者「{parse.GetValue(login)}」はいません。");
                return KansaCli.Problems;
            }

            console.Out.WriteLine(secret);
            console.Error.WriteLine($"トークン {token.Id} ({token.Prefix}…) を作りました。この表示は一度だけです。安全な場所に保管してください。");
            return 0;
        });

        var id = new Argument<int>("ID") { Description = "トークンの番号" };
        var revoke = new Command("revoke", "API トークンを無効にする") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            await using var scope = CliServices.Scope(target);

            if (!await scope.Get<ApiTokens>().RevokeAsync(parse.GetValue(id), ct))
            {
                console.Error.WriteLine($"ID: 有効なトークン {parse.GetValue(id)} はありません。");
                return KansaCli.Problems;
            }

            console.Out.WriteLine($"トークン {parse.GetValue(id)} を無効にしました。");
            return 0;
        });
        return new Command("token", "API トークンの管理") { create, revoke };
    }
}
