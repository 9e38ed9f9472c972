using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Web;

/// <summary>
/// Single sign-on end to end over real HTTP: Kansa → a real OpenID Connect provider (OpenIddict) → form_post back to
/// Kansa → code exchange with PKCE and the client secret → the linking rules: a verified address links to the matching
/// account; an unverified one, an administrator's or a coordinator's account, and an unknown person do not.
/// </summary>
public class SingleSignOnFlowTests(SingleSignOnFlowTests.Sso sso) : IClassFixture<SingleSignOnFlowTests.Sso>
{
    private const string NoAccount = "この方の Kansa のアカウントがありません。システム管理者にアカウントの作成を依頼してください。";

    [Fact]
    public async Task A_verified_address_links_to_the_matching_account_and_signs_in()
    {
        sso.Provider.SignInNext("idp-001", "ito@city.example.jp", emailVerified: true);
        var before = sso.Provider.CodesExchanged;

        var (client, end) = await sso.SignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal("/staff", end.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, sso.Provider.CodesExchanged);
        var staff = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("ito", await staff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var context = sso.Db.CreateContext();
        var link = await context.UserLogins.SingleAsync(l => l.ProviderKey == "idp-001");
        Assert.Equal((await context.Users.SingleAsync(u => u.UserName == "ito")).Id, link.UserId);

        // Linked by the provider's subject from then on, even when the address changes at the provider.
        sso.Provider.SignInNext("idp-001", "changed@city.example.jp", emailVerified: false);
        var (_, again) = await sso.SignInAsync();
        Assert.Equal("/staff", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unverified_address_does_not_link()
    {
        sso.Provider.SignInNext("idp-002", "kimura@city.example.jp", emailVerified: false);

        var (client, end) = await sso.SignInAsync();

        await AssertRefusedAsync(client, end, "idp-002");
    }

    [Theory]
    [InlineData("idp-003", "sato@city.example.jp")]
    [InlineData("idp-004", "kanri@city.example.jp")]
    public async Task A_verified_address_never_links_to_a_coordinator_or_an_administrator(string subject, string email)
    {
        sso.Provider.SignInNext(subject, email, emailVerified: true);

        var (client, end) = await sso.SignInAsync();

        await AssertRefusedAsync(client, end, subject);
    }

    [Fact]
    public async Task An_unknown_person_is_refused_in_japanese()
    {
        sso.Provider.SignInNext("idp-005", "stranger@elsewhere.example.jp", emailVerified: true);

        var (client, end) = await sso.SignInAsync();

        await AssertRefusedAsync(client, end, "idp-005");
    }

    private async Task AssertRefusedAsync(HttpClient client, HttpResponseMessage end, string subject)
    {
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Contains(NoAccount, await end.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        await using var context = sso.Db.CreateContext();
        Assert.False(await context.UserLogins.AnyAsync(l => l.ProviderKey == subject));
    }

    /// <summary>The provider, and Kansa on a database with the accounts the rules are about.</summary>
    public sealed class Sso : IAsyncLifetime
    {
        private WebHost? host;

        public OidcProvider Provider { get; private set; } = null!;

        public TestDatabase Db { get; private set; } = null!;

        public WebHost Host => host!;

        public async Task InitializeAsync()
        {
            Provider = await OidcProvider.StartAsync(() => host?.Address);
            Db = await TestDatabase.CreateAsync("sqlite");
            var data = new WorkflowData(Db);
            foreach (var (login, role, email) in new[]
            {
                ("ito", Roles.Editor, "ito@city.example.jp"), ("kimura", Roles.Viewer, "kimura@city.example.jp"),
                ("sato", Roles.Coordinator, "sato@city.example.jp"), ("kanri", Roles.Admin, "kanri@city.example.jp"),
            })
            {
                await StaffAccounts.CreateUserAsync(Db, login, role, role == Roles.Editor ? ["DX推進課"] : []);
                await data.EmailAsync(login, email);
            }

            host = await WebHost.StartAsync(Db.Target, Provider.KansaSettings());
        }

        /// <summary>
        /// Drives the whole flow as a browser would: the login page's button, the provider's authorization endpoint,
        /// the auto-posted form back to /signin-oidc, and the redirect to /account/external. Returns the last answer.
        /// </summary>
        public async Task<(HttpClient Client, HttpResponseMessage End)> SignInAsync()
        {
            var client = StaffAccounts.CookieClient(Host);
            var start = await StaffAccounts.PostFormAsync(client, "/account/external", [], "/account/login");
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            var authorize = start.Headers.Location!;
            Assert.StartsWith(Provider.Issuer, authorize.ToString(), StringComparison.Ordinal);

            var page = await client.GetAsync(authorize);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"provider answered {(int)page.StatusCode}: {html}");
            var form = new HtmlParser().ParseDocument(html).QuerySelector("form")
                ?? throw new InvalidOperationException("the provider sent no form_post page: " + html);
            var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            Assert.True(fields.ContainsKey("code"), "no code in the provider's answer: " + html);

            var callback = await client.PostAsync(new Uri(form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
            Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"/signin-oidc answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
            return (client, await client.GetAsync(callback.Headers.Location!));
        }

        public async Task DisposeAsync()
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await Db.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
