using System.Net;
using Kansa.Accounts;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Instances;

/// <summary>
/// Two app instances on one database, as behind a load balancer: a sign-in made through one is accepted by the other
/// (the data-protection keys are in the database), the sign-in limit counts the attempts made through both, and each
/// says whether it is alive and ready. Two real Kestrel hosts.
/// </summary>
public class SharedInstancesTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_sign_in_made_through_one_instance_works_on_the_other(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "hayashi", Roles.Coordinator);
        await using var first = await WebHost.StartAsync(db.Target);
        await using var second = await WebHost.StartAsync(db.Target);
        var cookies = new CookieContainer();
        var throughFirst = Client(first, cookies);
        var throughSecond = Client(second, cookies);

        var login = await StaffAccounts.PostFormAsync(throughFirst, "/account/login", new() { ["Input.Login"] = "hayashi", ["Input.Password"] = StaffAccounts.Password });
        var staffPage = await throughSecond.GetAsync("/staff");

        // A form read through one instance is accepted by the other (the antiforgery token is protected by the same keys).
        var form = await StaffAccounts.PostFormAsync(throughSecond, "/account/logout", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Contains("hayashi", await staffPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await throughFirst.GetAsync("/staff")).StatusCode);

        // The keys are in the database, not in a folder of one machine (which two hosts of one test would share anyway).
        await using var context = db.CreateContext();
        Assert.NotEmpty(await context.DataProtectionKeys.AsNoTracking().ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_sign_in_limit_counts_the_attempts_made_through_every_instance(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var first = await WebHost.StartAsync(db.Target);
        await using var second = await WebHost.StartAsync(db.Target);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var client = Client(i % 2 == 0 ? first : second, new CookieContainer());
            statuses.Add((await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "nobody", ["Input.Password"] = "not-a-password-" + i })).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Health_says_alive_and_readiness_says_whether_the_database_is_migrated(string engine)
    {
        await using var migrated = await TestDatabase.CreateAsync(engine);
        await using var empty = await TestDatabase.CreateAsync(engine, migrate: false);
        await using var ready = await WebHost.StartAsync(migrated.Target);
        await using var notReady = await WebHost.StartAsync(empty.Target);

        var alive = await ready.Client.GetAsync("/healthz");
        var readiness = await ready.Client.GetAsync("/readyz");
        var unmigrated = await notReady.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("ok\n", await alive.Content.ReadAsStringAsync());
        Assert.True(alive.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("ready\n", await readiness.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await notReady.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unmigrated.StatusCode);
        Assert.Contains("kansa db migrate", await unmigrated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(unmigrated.Headers.CacheControl?.NoStore);
    }

    private static HttpClient Client(WebHost host, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Address };
}
