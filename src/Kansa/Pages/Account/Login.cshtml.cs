using System.ComponentModel.DataAnnotations;
using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Security;
using Kansa.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Account;

/// <summary>Sign-in with a personal account. Failed attempts count towards lockout and are logged.</summary>
public sealed class LoginModel(PasswordSignIn signIn, ChangeLogWriter log) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class InputModel
    {
        /// <summary>The login name.</summary>
        [Required(ErrorMessage = "ログイン名を入力してください。")]
        [Display(Name = "ログイン名")]
        public string Login { get; set; } = "";

        /// <summary>The password.</summary>
        [Required(ErrorMessage = "パスワードを入力してください。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string Password { get; set; } = "";
    }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.RunAsync(Input.Login, Input.Password);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second step decides, and logs, the sign-in.
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }

        await log.RecordAsAsync("user:" + Input.Login, result.Succeeded ? "login" : "login-failed", "User", Input.Login,
            new { ip = HttpContext.Connection.RemoteIpAddress?.ToString(), lockedOut = result.IsLockedOut }, ct);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "ログインに続けて失敗したため、このアカウントは一時的にロックされています。15分ほどしてからやり直してください。"
            : "ログイン名かパスワードが違います。");
        return Page();
    }
}
