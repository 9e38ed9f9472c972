using Kansa.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Account;

/// <summary>Signs out (POST only, with the antiforgery token).</summary>
public sealed class LogoutModel(SignInManager<KansaUser> signIn, UserManager<KansaUser> users) : PageModel
{
    /// <summary>
    /// Signs out and goes to the public portal. A new security stamp makes every cookie issued before it invalid on
    /// the server (checked on every request), so a copied cookie does not outlive the logout; the person's sessions on
    /// other devices end too.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
