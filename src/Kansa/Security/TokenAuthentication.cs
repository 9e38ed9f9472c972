using System.Text.Encodings.Web;
using Kansa.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kansa.Security;

/// <summary>Authenticates API calls by a personal token: <c>Authorization: Bearer kansa_…</c>.</summary>
public sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    IUserClaimsPrincipalFactory<KansaUser> principals,
    UserManager<KansaUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "KansaToken";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await tokens.FindUserAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        // A lockout (failed password sign-ins, which anyone can cause by knowing the login name) blocks only interactive
        // sign-in: a token is its own secret, revoked one by one with `kansa token revoke`.
        if (found is null || await users.FindByIdAsync(found.Id) is not { } user)
        {
            return AuthenticateResult.Fail("無効なトークンです");
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
