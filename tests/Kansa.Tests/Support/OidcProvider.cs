using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Kansa.Tests.Support;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port: authorization code flow with PKCE, signed
/// ID tokens, one confidential client. No store (degraded mode): the test says who signs in next, as if that person had
/// just entered their password at the city's identity provider.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    /// <summary>The client registered for Kansa.</summary>
    public const string ClientId = "kansa-test";

    /// <summary>Its secret.</summary>
    public const string ClientSecret = "secret-from-the-environment-1234";

    private readonly WebApplication app;
    private int exchanged;

    private OidcProvider(WebApplication app, State state)
    {
        this.app = app;
        Shared = state;
        Issuer = app.Urls.First();
    }

    /// <summary>The issuer URL (Kansa's <c>Kansa:Oidc:Authority</c>).</summary>
    public string Issuer { get; }

    /// <summary>How many codes were exchanged for tokens at the token endpoint.</summary>
    public int CodesExchanged => Volatile.Read(ref exchanged);

    private State Shared { get; }

    /// <summary>The person the provider signs in at the next authorization request.</summary>
    public void SignInNext(string subject, string? email, bool emailVerified, string? userName = null) =>
        Shared.Next = new Person(subject, email, emailVerified, userName ?? subject);

    /// <summary>Kansa's settings pointing at this provider.</summary>
    public Dictionary<string, string?> KansaSettings() => new()
    {
        ["Kansa:Oidc:Authority"] = Issuer,
        ["Kansa:Oidc:ClientId"] = ClientId,
        ["Kansa:Oidc:ClientSecret"] = ClientSecret,
        ["Kansa:Oidc:DisplayName"] = "庁内認証",
        ["Kansa:Oidc:RequireHttpsMetadata"] = "false",
    };

    /// <summary>Starts the provider; only redirect URIs under <paramref name="kansa"/> are accepted.</summary>
    public static async Task<OidcProvider> StartAsync(Func<Uri?> kansa)
    {
        var state = new State();
        OidcProvider? provider = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.UseAspNetCore().DisableTransportSecurityRequirement();

            // Degraded mode has no application store: the client and its redirect URI are checked here.
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var allowed = kansa()?.ToString().TrimEnd('/') + "/signin-oidc";
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "unknown client_id");
                }
                else if (context.RedirectUri != allowed)
                {
                    context.Reject(Errors.InvalidRequest, "redirect_uri not registered: " + context.RedirectUri);
                }

                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "client authentication failed");
                }

                return default;
            }));

            // The person "signs in" at the provider: the one the test named.
            o.AddEventHandler<HandleAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var person = state.Next ?? throw new InvalidOperationException("the test named nobody to sign in");
                var identity = new ClaimsIdentity("provider", Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, person.Subject));
                identity.AddClaim(new Claim(Claims.PreferredUsername, person.UserName));
                if (person.Email is not null)
                {
                    identity.AddClaim(new Claim(Claims.Email, person.Email));
                    identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
                }

                identity.SetScopes(context.Request.GetScopes());
                identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
                context.Principal = new ClaimsPrincipal(identity);
                return default;
            }));
            o.AddEventHandler<HandleTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                Interlocked.Increment(ref provider!.exchanged);
                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        await app.StartAsync();
        provider = new OidcProvider(app, state);
        return provider;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed record Person(string Subject, string? Email, bool EmailVerified, string UserName);

    private sealed class State
    {
        public Person? Next { get; set; }
    }
}
