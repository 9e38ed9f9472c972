using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.Support;

/// <summary>Real accounts for tests: created through the same use case as <c>kansa user add</c>.</summary>
public static class StaffAccounts
{
    /// <summary>A password that passes the policy.</summary>
    public const string Password = "kansa-test-Ume-Sakura-77";

    /// <summary>Creates a user with one role (and departments for editors and approvers).</summary>
    public static async Task CreateUserAsync(TestDatabase db, string login, string role, params string[] departments)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChangeActor>(new FixedActor("cli:test"));
        services.AddDbContext<KansaDbContext>((sp, o) => db.Target.Configure(o, sp.GetRequiredService<IChangeActor>(), TimeProvider.System));
        services.AddKansaIdentityCore();
        services.AddKansaUseCases();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(login, role, departments, Password, null, null, CancellationToken.None);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>A client that calls the API with a fresh personal token of the user.</summary>
    public static async Task<HttpClient> TokenClientAsync(TestDatabase db, WebHost host, string login)
    {
        await using var context = db.CreateContext();
        var (_, secret) = await new ApiTokens(context, TimeProvider.System).CreateAsync(login, "test", CancellationToken.None);
        var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser-like client (cookies, no redirects followed) signed in through the login form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(WebHost host, string login, string password = Password)
    {
        var client = CookieClient(host);
        var response = await PostFormAsync(client, "/account/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {login} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A client with a cookie jar that does not follow redirects.</summary>
    public static HttpClient CookieClient(WebHost host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.Address };

    /// <summary>
    /// Submits a form as a browser would: reads the page at <paramref name="path"/> (or <paramref name="formPage"/>),
    /// takes its antiforgery token and posts the fields.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var document = new HtmlParser().ParseDocument(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {formPage ?? path}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
