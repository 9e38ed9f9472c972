using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.SingleSignOn;
using Kansa.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kansa.Pages.Account;

/// <summary>Single sign-on: starts it (POST) and completes it (GET after the provider sends the person back).</summary>
public sealed class ExternalModel(SignInManager<KansaUser> signIn, UserManager<KansaUser> users, IOptions<OidcOptions> oidc, ChangeLogWriter log) : PageModel
{
    /// <summary>Why the sign-in did not complete.</summary>
    public string? Error { get; private set; }

    /// <summary>Sends the person to the identity provider.</summary>
    public IActionResult OnPost(string? returnUrl)
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var back = Url.Page("/Account/External", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff" });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcSignIn.Scheme, back), OidcSignIn.Scheme);
    }

    /// <summary>Matches the provider's person to a Kansa account and signs in.</summary>
    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = "シングルサインオンの情報を受け取れませんでした。もう一度ログインしてください。";
            return Page();
        }

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await MatchAsync(info);
        if (user is null)
        {
            await log.RecordAsAsync("sso:" + info.ProviderKey, "login-failed", "User", info.Principal.FindFirst("preferred_username")?.Value, new { step = "sso", reason = "no account" }, ct);
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            Error = "この方の Kansa のアカウントがありません。システム管理者にアカウントの作成を依頼してください。";
            return Page();
        }

        if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != info.LoginProvider))
        {
            await users.AddLoginAsync(user, info);
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff" });
        }

        await log.RecordAsAsync("user:" + user.UserName, result.Succeeded ? "login" : "login-failed", "User", user.UserName, new { step = "sso" }, ct);
        if (!result.Succeeded)
        {
            Error = result.IsLockedOut ? "このアカウントはロックされています。" : "ログインできませんでした。";
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff");
    }

    private async Task<KansaUser?> MatchAsync(ExternalLoginInfo info)
    {
        // Only an address the provider has verified links a first sign-in to an account, and never an administrator's
        // or coordinator's: a name chosen at the provider must not become someone's Kansa account.
        var email = info.Principal.FindFirst("email")?.Value;
        var verified = string.Equals(info.Principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        if (email is null || !verified || await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        return await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Coordinator) ? null : user;
    }
}
