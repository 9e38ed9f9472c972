using System.Net;
using Kansa.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Kansa.Tests.Web;

/// <summary>Single sign-on is off unless configured; when configured it sends people to the provider with PKCE.</summary>
public class SingleSignOnTests
{
    [Fact]
    public async Task Without_settings_there_is_no_single_sign_on()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target);
        var client = StaffAccounts.CookieClient(host);

        Assert.DoesNotContain("/account/external", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
        var post = await StaffAccounts.PostFormAsync(client, "/account/external", [], "/account/login");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task With_settings_the_login_page_offers_it_and_sends_people_to_the_provider()
    {
        await using var provider = await FakeProvider.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await WebHost.StartAsync(db.Target, new Dictionary<string, string?>
        {
            ["Kansa:Oidc:Authority"] = provider.Issuer,
            ["Kansa:Oidc:ClientId"] = "kansa-test",
            ["Kansa:Oidc:ClientSecret"] = "from-the-environment",
            ["Kansa:Oidc:DisplayName"] = "庁内認証",
            ["Kansa:Oidc:RequireHttpsMetadata"] = "false",
        });
        var client = StaffAccounts.CookieClient(host);

        var page = await client.GetStringAsync("/account/login");
        var post = await StaffAccounts.PostFormAsync(client, "/account/external", [], "/account/login");

        Assert.Contains("庁内認証 でログイン", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var location = post.Headers.Location!.ToString();
        Assert.StartsWith(provider.Issuer + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=kansa-test", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
    }

    /// <summary>Just enough of an identity provider for the handler to read its metadata.</summary>
    private sealed class FakeProvider : IAsyncDisposable
    {
        private static readonly string[] Code = ["code"];
        private static readonly string[] Public = ["public"];
        private static readonly string[] Rs256 = ["RS256"];

        private readonly WebApplication app;

        private FakeProvider(WebApplication app, string issuer)
        {
            this.app = app;
            Issuer = issuer;
        }

        public string Issuer { get; }

        public static async Task<FakeProvider> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            string Issuer(HttpContext c) => $"http://{c.Request.Host}";
            app.MapGet("/.well-known/openid-configuration", (HttpContext c) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer(c),
                ["authorization_endpoint"] = Issuer(c) + "/authorize",
                ["token_endpoint"] = Issuer(c) + "/token",
                ["jwks_uri"] = Issuer(c) + "/jwks",
                ["response_types_supported"] = Code,
                ["subject_types_supported"] = Public,
                ["id_token_signing_alg_values_supported"] = Rs256,
            }));
            app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
            await app.StartAsync();
            var address = app.Urls.First();
            return new FakeProvider(app, address);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
