using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.PlainJapanese;

/// <summary>People appear by name and department, never by login id; actors that are not people are described.</summary>
public class ActorNameTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Actor_strings_resolve_to_display_names_with_departments(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "kanri-tanaka", Roles.Coordinator, "行政課");
        await StaffAccounts.CreateUserAsync(db, "dx-suzuki", Roles.Editor, "DX推進課", "情報政策課");
        await StaffAccounts.CreateUserAsync(db, "sato", Roles.Auditor);
        await using (var context = db.CreateContext())
        {
            foreach (var (login, name) in new[] { ("kanri-tanaka", "田中"), ("dx-suzuki", "鈴木"), ("sato", "佐藤") })
            {
                (await context.Users.SingleAsync(u => u.UserName == login)).DisplayName = name;
            }

            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var tanakaId = await read.Users.Where(u => u.UserName == "kanri-tanaka").Select(u => u.Id).SingleAsync();
        var names = await new ResolveActorNames(read).RunAsync(
            ["user:kanri-tanaka", "user:dx-suzuki", "user:sato", "user:gone", "cli:root", "system", "anonymous", null, "user:kanri-tanaka"],
            [tanakaId],
            CancellationToken.None);

        Assert.Equal("田中 (行政課)", names.Of("user:kanri-tanaka"));
        Assert.Equal("鈴木 (DX推進課・情報政策課)", names.Of("user:dx-suzuki"));
        Assert.Equal("佐藤", names.Of("user:sato"));
        Assert.Equal("登録のない利用者", names.Of("user:gone"));
        Assert.Equal("コマンド操作 (root)", names.Of("cli:root"));
        Assert.Equal("Kansa (自動処理)", names.Of("system"));
        Assert.Equal("ログイン前の利用者", names.Of("anonymous"));
        Assert.Equal("—", names.Of(null));
        Assert.Equal("田中 (行政課)", names.OfUserId(tanakaId));
        Assert.Equal(3, names.People.Count);
        Assert.DoesNotContain(names.People.Values, n => n.Contains("user:", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task No_people_no_query(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.CreateContext();
        await context.DisposeAsync();

        // A disposed context would throw on any query: actors that are not people need none.
        var names = await new ResolveActorNames(context).RunAsync(["system", "cli:root"], CancellationToken.None);

        Assert.Same(ActorNames.None, names);
    }
}
