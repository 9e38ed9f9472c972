using System.Net;
using Kansa.Accounts;
using Kansa.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.Web;

/// <summary>
/// Sign-in holes found by attacking it: a lockout that disabled tokens, timing that told which names exist, a cookie
/// that outlived its logout. Over real HTTP on Kestrel.
/// </summary>
public class SignInHardeningTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Five_anonymous_failed_logins_lock_the_password_but_not_the_tokens(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await StaffAccounts.CreateUserAsync(db, "nakamura", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        using var token = await StaffAccounts.TokenClientAsync(db, host, "nakamura");
        using var attacker = StaffAccounts.CookieClient(host);
        for (var i = 0; i < 5; i++)
        {
            await StaffAccounts.PostFormAsync(attacker, "/account/login", new() { ["Input.Login"] = "nakamura", ["Input.Password"] = "guess-number-" + i });
        }

        var withToken = await token.GetAsync("/api/v1/rounds");
        var withPassword = await StaffAccounts.PostFormAsync(StaffAccounts.CookieClient(host), "/account/login",
            new() { ["Input.Login"] = "nakamura", ["Input.Password"] = StaffAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withPassword.StatusCode);
        Assert.Contains("ロックされています", await withPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_failed_sign_in_verifies_one_password_whether_the_name_exists_or_not()
    {
        var hasher = new CountingHasher();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "real", Roles.Viewer);
        await StaffAccounts.CreateUserAsync(db, "locked", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target, services: s => s.AddSingleton<IPasswordHasher<KansaUser>>(hasher));
        var client = StaffAccounts.CookieClient(host);
        for (var i = 0; i < 5; i++)
        {
            await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "locked", ["Input.Password"] = "guess-number-" + i });
        }

        var unknown = await VerificationsAsync(client, hasher, "nobody-here", "some-password-123");
        var wrong = await VerificationsAsync(client, hasher, "real", "some-password-123");
        var locked = await VerificationsAsync(client, hasher, "locked", "some-password-123");
        var right = await VerificationsAsync(StaffAccounts.CookieClient(host), hasher, "real", StaffAccounts.Password);

        Assert.Equal((1, 1, 1, 1), (unknown, wrong, locked, right));
    }

    [Fact]
    public async Task A_session_cookie_replayed_after_logout_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "ogawa", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);
        var (client, jar) = JarClient(host);
        var login = await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = "ogawa", ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var stolen = jar.GetCookies(host.Address)["kansa"]!.Value;
        Assert.Equal(HttpStatusCode.OK, (await Replay(host, stolen)).StatusCode);

        var logout = await StaffAccounts.PostFormAsync(client, "/account/logout", [], "/staff");
        var replayed = await Replay(host, stolen);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Replay(WebHost host, string cookie)
    {
        using var bare = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", "kansa=" + cookie);
        return await bare.SendAsync(request);
    }

    private static (HttpClient Client, CookieContainer Jar) JarClient(WebHost host)
    {
        var jar = new CookieContainer();
        return (new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = host.Address }, jar);
    }

    private static async Task<int> VerificationsAsync(HttpClient client, CountingHasher hasher, string login, string password)
    {
        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var before = hasher.Verifications;
        await StaffAccounts.PostFormAsync(client, "/account/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        return hasher.Verifications - before;
    }

    /// <summary>Identity's own hasher, counting the verifications: the expensive step whose absence leaked the timing.</summary>
    private sealed class CountingHasher : IPasswordHasher<KansaUser>
    {
        private readonly PasswordHasher<KansaUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(KansaUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(KansaUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
