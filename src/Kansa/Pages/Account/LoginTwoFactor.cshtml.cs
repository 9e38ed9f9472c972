using System.ComponentModel.DataAnnotations;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Account;

/// <summary>The second step of sign-in for people who turned on two-factor sign-in.</summary>
public sealed class LoginTwoFactorModel(SignInManager<KansaUser> signIn, ChangeLogWriter log) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>A code from the app, or a recovery code.</summary>
        [Required(ErrorMessage = "確認コードを入力してください。")]
        [Display(Name = "確認コード (6桁) または回復用コード")]
        public string Code { get; set; } = "";
    }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go afterwards (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form, only in the middle of a sign-in.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    /// <summary>Checks the code and completes the sign-in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        await log.RecordAsAsync(
            "user:" + user.UserName, result.Succeeded ? "login" : "login-failed", "User", user.UserName, new { step = "two-factor", lockedOut = result.IsLockedOut }, ct);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "続けて失敗したため、このアカウントは一時的にロックされています。15分ほどしてからやり直してください。"
            : "確認コードが正しくありません。");
        return Page();
    }
}
