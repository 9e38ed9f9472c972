using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.Tests.Support;
using OtpNet;

namespace Kansa.Tests.Web;

/// <summary>Optional two-factor sign-in with an authenticator app, end to end over HTTP.</summary>
public class TwoFactorTests
{
    [Fact]
    public async Task Once_enabled_a_sign_in_needs_the_current_code()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await StaffAccounts.CreateUserAsync(db, "nakamura", Roles.Coordinator);
        await using var host = await WebHost.StartAsync(db.Target);
        var client = await StaffAccounts.SignedInClientAsync(host, "nakamura");

        var setup = new HtmlParser().ParseDocument(await client.GetStringAsync("/account/two-factor"));
        var key = setup.QuerySelector("#totp-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var wrong = await StaffAccounts.PostFormAsync(client, "/account/two-factor?handler=Enable", new() { ["Input.Code"] = "000000" }, "/account/two-factor");
        var enabled = await StaffAccounts.PostFormAsync(client, "/account/two-factor?handler=Enable", new() { ["Input.Code"] = totp.ComputeTotp() }, "/account/two-factor");

        Assert.Contains("確認コードが正しくありません", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("回復用コード", await client.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);

        var fresh = StaffAccounts.CookieClient(host);
        var password = await StaffAccounts.PostFormAsync(fresh, "/account/login", new() { ["Input.Login"] = "nakamura", ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/staff")).StatusCode);

        var code = await StaffAccounts.PostFormAsync(fresh, "/account/login-2fa", new() { ["Input.Code"] = totp.ComputeTotp() });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/staff")).StatusCode);
    }
}
