using Kansa.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Account;

/// <summary>Signs out (POST only, with the antiforgery token).</summary>
public sealed class LogoutModel(SignInManager<KansaUser> signIn) : PageModel
{
    /// <summary>Signs out and goes to the public portal.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
