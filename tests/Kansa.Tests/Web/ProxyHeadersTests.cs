using System.Net;
using Kansa.Accounts;
using Kansa.Tests.Support;

namespace Kansa.Tests.Web;

/// <summary>
/// Behind a TLS proxy: X-Forwarded-Proto and X-Forwarded-For count only when they come from a configured proxy (by
/// default loopback): then cookies are Secure, HSTS is sent and each client has its own sign-in limit. The same headers
/// forged by anyone else change nothing. Over real HTTP on Kestrel.
/// </summary>
public class ProxyHeadersTests
{
    // The tests connect from 127.0.0.1: with this setting, loopback is not a proxy and its headers are forged.
    private static readonly Dictionary<string, string?> ElsewhereProxy = new() { ["Kansa:ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" };

    [Fact]
    public async Task Https_from_a_known_proxy_gives_secure_cookies_and_hsts()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "hayashi", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target);

        var login = await SignInAsync(host, "203.0.113.7");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(SessionCookie(login), c => c.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_same_headers_from_an_address_that_is_not_a_proxy_change_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "hayashi", Roles.Viewer);
        await using var host = await WebHost.StartAsync(db.Target, ElsewhereProxy);

        var login = await SignInAsync(host, "203.0.113.7");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain(SessionCookie(login), c => c.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target);

        var page = await host.Client.GetAsync("/");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_client_has_its_own_sign_in_limit()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target);

        var first = await AttemptsAsync(host, _ => "198.51.100.1", 11);
        var other = await AttemptsAsync(host, _ => "198.51.100.2", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.All(first.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, Assert.Single(other));
    }

    [Fact]
    public async Task A_forged_client_address_does_not_escape_the_sign_in_limit()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target, ElsewhereProxy);

        var statuses = await AttemptsAsync(host, i => "198.51.100." + (i + 1), 11);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<HttpResponseMessage> SignInAsync(WebHost host, string client)
    {
        var browser = StaffAccounts.CookieClient(host);
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return await StaffAccounts.PostFormAsync(browser, "/account/login", new() { ["Input.Login"] = "hayashi", ["Input.Password"] = StaffAccounts.Password });
    }

    private static async Task<List<HttpStatusCode>> AttemptsAsync(WebHost host, Func<int, string> client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var browser = StaffAccounts.CookieClient(host);
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", client(i));
            statuses.Add((await StaffAccounts.PostFormAsync(browser, "/account/login", new() { ["Input.Login"] = "nobody", ["Input.Password"] = "not-a-password-" + i })).StatusCode);
        }

        return statuses;
    }

    private static string[] SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kansa=", StringComparison.Ordinal))
            .Split(';', StringSplitOptions.TrimEntries);
}
