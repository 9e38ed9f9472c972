using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kansa.SingleSignOn;

/// <summary>Settings of optional OpenID Connect single sign-on (section <c>Kansa:Oidc</c>, or KANSA_Kansa__Oidc__… variables).</summary>
public sealed class OidcOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Kansa:Oidc";

    /// <summary>The identity provider (issuer) URL; single sign-on is off when empty.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id registered at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from the environment or a secret store, never from the repository).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The label of the sign-in button, e.g. 庁内シングルサインオン.</summary>
    public string DisplayName { get; set; } = "シングルサインオン";

    /// <summary>Whether plain-HTTP metadata is accepted (a provider on a closed network without TLS).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether single sign-on is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// Optional single sign-on: people sign in at the city's identity provider and are matched to the account an
/// administrator created for them (by login name or e-mail). Nobody gets an account just by signing in there.
/// </summary>
public static class OidcSignIn
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "oidc";

    /// <summary>Adds the OpenID Connect handler when settings name a provider.</summary>
    public static IServiceCollection AddKansaSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(Options.Create(options));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;

            // The correlation and nonce cookies are Secure whenever the request is HTTPS (directly or through a known
            // proxy); forcing Secure on plain HTTP (a closed network without TLS, which RequireHttpsMetadata=false
            // allows) would lose them and every sign-in would fail with "Correlation failed".
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
