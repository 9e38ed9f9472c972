using Kansa.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Kansa.Security;

/// <summary>Sign-in (cookie for people, bearer token for the API), authorization policies (the login rate limit: <see cref="LoginLimit"/>).</summary>
public static class AccountServices
{
    /// <summary>Staff pages: any signed-in person.</summary>
    public const string Staff = "staff";

    /// <summary>
    /// Staff calling with a personal token only: for API routes that cannot check an antiforgery token
    /// (multipart uploads), so that a browser's cookie can never be used from another site.
    /// </summary>
    public const string TokenStaff = "token-staff";

    /// <summary>Registry, requests, rounds, corrections.</summary>
    public const string Coordinators = "coordinators";

    /// <summary>The change log.</summary>
    public const string ChangeLogReaders = "change-log";

    private const string Selector = "Kansa";

    /// <summary>Adds accounts, authentication and authorization.</summary>
    public static IServiceCollection AddKansaAccounts(this IServiceCollection services)
    {
        // Identity itself (users, roles, password rules) is part of the core both hosts share (CoreServices); the web adds signing in.
        new IdentityBuilder(typeof(KansaUser), typeof(IdentityRole), services).AddSignInManager().AddDefaultTokenProviders();
        services.AddScoped<PasswordSignIn>();

        // The cookie's security stamp is checked against the database on every request, so that a logout (which
        // renews the stamp) ends the session on the server and a replayed cookie is refused at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || IsApiWrite(context.Request)
                    ? TokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/error/403";
                o.Cookie.Name = "kansa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // The API answers 401/403 as such instead of redirecting to the login form.
                o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
            }));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(TokenStaff, p => p.AddAuthenticationSchemes(TokenAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Coordinators, p => p.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(ChangeLogReaders, p => p.RequireRole(Roles.Admin, Roles.Auditor));

        return services;
    }

    // API writes carry no antiforgery token, so a browser's cookie never authenticates them: only a personal token does.
    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
