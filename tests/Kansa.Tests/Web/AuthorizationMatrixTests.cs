using System.Net;
using Kansa.Accounts;
using Kansa.Import;
using Kansa.Tests.Support;
using Kansa.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.Web;

/// <summary>
/// Every page and API route × every role and anonymous, with the expected answer. A route the app maps without a
/// rule here fails <see cref="Every_route_has_a_rule"/>: a new route cannot ship without deciding who may use it.
/// </summary>
public class AuthorizationMatrixTests(AuthorizationMatrixTests.Site site) : IClassFixture<AuthorizationMatrixTests.Site>
{
    /// <summary>Who may use a route.</summary>
    public enum Who
    {
        /// <summary>Everyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in person.</summary>
        Staff,

        /// <summary>Admin and coordinator.</summary>
        Coordinators,

        /// <summary>Admin and auditor.</summary>
        AuditLogReaders,

        /// <summary>Editors of the finding's department.</summary>
        Editors,

        /// <summary>Approvers.</summary>
        Approvers,
    }

    private static readonly string[] Roles = [.. Kansa.Accounts.Roles.All];

    /// <summary>The rules: "METHOD pattern" → who, and the path to call with sample values.</summary>
    public static readonly Dictionary<string, (Who Who, string Path)> Rules = new(StringComparer.Ordinal)
    {
        ["GET /"] = (Who.Public, "/"),
        ["POST /"] = (Who.Public, "/"),
        ["POST /audits/{key}"] = (Who.Public, "/audits/R5-包括外部監査"),
        ["POST /findings/{number}"] = (Who.Public, "/findings/R5-指-3"),
        ["POST /audits/{key}/findings/{number}"] = (Who.Public, "/audits/R5-包括外部監査/findings/R5-指-3"),
        ["POST /error/{code:int}"] = (Who.Public, "/error/404"),
        ["GET /audits/{key}"] = (Who.Public, "/audits/R5-包括外部監査"),
        ["GET /findings/{number}"] = (Who.Public, "/findings/R5-指-3"),
        ["GET /audits/{key}/findings/{number}"] = (Who.Public, "/audits/R5-包括外部監査/findings/R5-指-3"),
        ["GET /audits/{key}/report.{ext}"] = (Who.Public, "/audits/R5-包括外部監査/report.json"),
        ["GET /open-data/kansa.{ext}"] = (Who.Public, "/open-data/kansa.csv"),
        ["GET /error/{code:int}"] = (Who.Public, "/error/404"),
        ["GET /account/login"] = (Who.Public, "/account/login"),
        ["POST /account/login"] = (Who.Public, "/account/login"),
        ["GET /account/login-2fa"] = (Who.Public, "/account/login-2fa"),
        ["POST /account/login-2fa"] = (Who.Public, "/account/login-2fa"),
        ["GET /account/external"] = (Who.Public, "/account/external"),
        ["POST /account/external"] = (Who.Public, "/account/external"),
        ["POST /account/logout"] = (Who.Staff, "/account/logout"),
        ["GET /account/logout"] = (Who.Staff, "/account/logout"),
        ["GET /account/two-factor"] = (Who.Staff, "/account/two-factor"),
        ["POST /account/two-factor"] = (Who.Staff, "/account/two-factor"),
        ["GET /staff"] = (Who.Staff, "/staff"),
        ["POST /staff"] = (Who.Staff, "/staff"),
        ["GET /staff/registry"] = (Who.Coordinators, "/staff/registry"),
        ["POST /staff/registry"] = (Who.Coordinators, "/staff/registry"),
        ["GET /staff/registry/audits/new"] = (Who.Coordinators, "/staff/registry/audits/new"),
        ["POST /staff/registry/audits/new"] = (Who.Coordinators, "/staff/registry/audits/new"),
        ["GET /staff/registry/audits/{key}"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査"),
        ["POST /staff/registry/audits/{key}"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査"),
        ["GET /staff/registry/audits/{key}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/edit"),
        ["POST /staff/registry/audits/{key}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/edit"),
        ["GET /staff/registry/audits/{key}/findings/new"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/new"),
        ["POST /staff/registry/audits/{key}/findings/new"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/new"),
        ["GET /staff/registry/audits/{key}/findings/{number}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/R5-指-3/edit"),
        ["POST /staff/registry/audits/{key}/findings/{number}/edit"] = (Who.Coordinators, "/staff/registry/audits/R5-包括外部監査/findings/R5-指-3/edit"),
        ["GET /staff/registry/departments"] = (Who.Coordinators, "/staff/registry/departments"),
        ["POST /staff/registry/departments"] = (Who.Coordinators, "/staff/registry/departments"),
        ["GET /staff/registry/departments/{id:int}"] = (Who.Coordinators, "/staff/registry/departments/1"),
        ["POST /staff/registry/departments/{id:int}"] = (Who.Coordinators, "/staff/registry/departments/1"),
        ["GET /staff/findings"] = (Who.Staff, "/staff/findings"),
        ["POST /staff/findings"] = (Who.Staff, "/staff/findings"),
        ["GET /staff/findings/{number}"] = (Who.Staff, "/staff/findings/R5-指-3"),
        ["POST /staff/findings/{number}"] = (Who.Staff, "/staff/findings/R5-指-3"),
        ["GET /staff/rounds"] = (Who.Coordinators, "/staff/rounds"),
        ["POST /staff/rounds"] = (Who.Coordinators, "/staff/rounds"),
        ["GET /staff/rounds/{id:int}"] = (Who.Coordinators, "/staff/rounds/1"),
        ["POST /staff/rounds/{id:int}"] = (Who.Coordinators, "/staff/rounds/1"),
        ["GET /staff/responses/{id:int}/evidence"] = (Who.Staff, "/staff/responses/1/evidence"),
        ["POST /staff/responses/{id:int}/evidence"] = (Who.Staff, "/staff/responses/1/evidence"),
        ["GET /staff/audit-log"] = (Who.AuditLogReaders, "/staff/audit-log"),
        ["POST /staff/audit-log"] = (Who.AuditLogReaders, "/staff/audit-log"),
        ["GET /api/v1/audit-log"] = (Who.AuditLogReaders, "/api/v1/audit-log"),
        ["POST /api/v1/findings/{number}/requests"] = (Who.Coordinators, "/api/v1/findings/R5-指-3/requests"),
        ["POST /api/v1/requests/{id:int}/due-date"] = (Who.Coordinators, "/api/v1/requests/1/due-date"),
        ["POST /api/v1/findings/{number}/responses"] = (Who.Editors, "/api/v1/findings/R5-指-3/responses"),
        ["GET /api/v1/responses/{id:int}"] = (Who.Staff, "/api/v1/responses/1"),
        ["PUT /api/v1/responses/{id:int}"] = (Who.Staff, "/api/v1/responses/1"),
        ["POST /api/v1/responses/{id:int}/submit"] = (Who.Staff, "/api/v1/responses/1/submit"),
        ["POST /api/v1/responses/{id:int}/approve"] = (Who.Staff, "/api/v1/responses/1/approve"),
        ["POST /api/v1/responses/{id:int}/return"] = (Who.Staff, "/api/v1/responses/1/return"),
        ["POST /api/v1/responses/{id:int}/corrections"] = (Who.Staff, "/api/v1/responses/1/corrections"),
        ["POST /api/v1/responses/{id:int}/evidence"] = (Who.Staff, "/api/v1/responses/1/evidence"),
        ["GET /api/v1/evidence/{id:int}"] = (Who.Staff, "/api/v1/evidence/1"),
        ["GET /api/v1/rounds/"] = (Who.Coordinators, "/api/v1/rounds"),
        ["POST /api/v1/rounds/"] = (Who.Coordinators, "/api/v1/rounds"),
        ["GET /api/v1/rounds/{id:int}"] = (Who.Coordinators, "/api/v1/rounds/1"),
        ["GET /api/v1/rounds/{id:int}/preview"] = (Who.Coordinators, "/api/v1/rounds/1/preview"),
        ["POST /api/v1/rounds/{id:int}/publish"] = (Who.Coordinators, "/api/v1/rounds/1/publish"),
        ["GET /api/v1/findings/{number}"] = (Who.Staff, "/api/v1/findings/R5-指-3"),
        ["PUT /api/v1/findings/{number}"] = (Who.Coordinators, "/api/v1/findings/R5-指-3"),
        ["POST /api/v1/audits/"] = (Who.Coordinators, "/api/v1/audits"),
        ["PUT /api/v1/audits/{key}"] = (Who.Coordinators, "/api/v1/audits/R5-包括外部監査"),
        ["POST /api/v1/audits/{key}/findings"] = (Who.Coordinators, "/api/v1/audits/R5-包括外部監査/findings"),
        ["GET /api/v1/departments/"] = (Who.Staff, "/api/v1/departments"),
        ["POST /api/v1/departments/"] = (Who.Coordinators, "/api/v1/departments"),
        ["POST /api/v1/departments/{id:int}/rename"] = (Who.Coordinators, "/api/v1/departments/1/rename"),
        ["POST /api/v1/departments/{id:int}/merge"] = (Who.Coordinators, "/api/v1/departments/1/merge"),
    };

    [Fact]
    public void Every_route_has_a_rule()
    {
        var missing = site.Routes.Where(r => !Rules.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "routes without an authorization rule: " + string.Join(", ", missing));
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Rules.Keys)
        {
            foreach (var role in Roles.Append("anonymous"))
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_expected_answer(string route, string role)
    {
        var (who, path) = Rules[route];
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        var client = role == "anonymous" ? site.Anonymous : api ? site.Tokens[role] : site.Cookies[role];
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = api ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
        }

        var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";
        var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect
                && (location.Contains("/account/login?ReturnUrl", StringComparison.Ordinal) || location.Contains("/error/403", StringComparison.Ordinal)));

        var allowed = Allowed(who, role);
        Assert.True(allowed != denied, $"{route} as {role}: {(int)response.StatusCode} {location} (expected {(allowed ? "allowed" : "denied")})");
        Assert.True((int)response.StatusCode < 500, $"{route} as {role}: {(int)response.StatusCode}");
    }

    private static bool Allowed(Who who, string role) => who switch
    {
        Who.Public => true,
        Who.Staff => role != "anonymous",
        Who.Coordinators => role is Kansa.Accounts.Roles.Admin or Kansa.Accounts.Roles.Coordinator,
        Who.AuditLogReaders => role is Kansa.Accounts.Roles.Admin or Kansa.Accounts.Roles.Auditor,
        Who.Editors => role is Kansa.Accounts.Roles.Editor,
        Who.Approvers => role is Kansa.Accounts.Roles.Approver,
        _ => false,
    };

    /// <summary>One app with the seed (or the demo) and one signed-in client per role, shared by the matrix.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private TestDatabase? db;
        private WebHost? host;

        public HttpClient Anonymous { get; private set; } = null!;

        public Dictionary<string, HttpClient> Cookies { get; } = [];

        public Dictionary<string, HttpClient> Tokens { get; } = [];

        public IReadOnlyList<string> Routes { get; private set; } = [];

        public async Task InitializeAsync()
        {
            db = await TestDatabase.CreateAsync("sqlite");
            await using (var context = db.CreateContext())
            {
                var files = File.Exists(TestPaths.SeedFile) ? [TestPaths.SeedFile] : TestPaths.DemoSamples.ToArray();
                await new ImportStatusReports(context, TimeProvider.System).RunAsync(files, false, null, CancellationToken.None);
            }

            foreach (var role in Roles)
            {
                await StaffAccounts.CreateUserAsync(db, "m-" + role, role, Kansa.Accounts.Roles.DepartmentBound.Contains(role) ? ["DX推進課"] : []);
            }

            host = await WebHost.StartAsync(db.Target);
            Anonymous = StaffAccounts.CookieClient(host);
            foreach (var role in Roles)
            {
                Cookies[role] = await StaffAccounts.SignedInClientAsync(host, "m-" + role);
                Tokens[role] = await StaffAccounts.TokenClientAsync(db, host, "m-" + role);
            }

            Routes = [.. host.Endpoints.OfType<RouteEndpoint>()
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                    .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
                .Where(r => !r.EndsWith(" /{*path:nonfile}", StringComparison.Ordinal) && !r.Contains("/signin-oidc", StringComparison.Ordinal))
                .Distinct()
                .Order(StringComparer.Ordinal)];
        }

        public async Task DisposeAsync()
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }
}
