using System.ComponentModel.DataAnnotations;
using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Status;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kansa.Pages.Account;

/// <summary>
/// Optional two-factor sign-in with an authenticator app (TOTP, RFC 6238), set up by each person. Each change renews the
/// security stamp, which ends the person's other sessions; this one is signed in again with the new stamp.
/// </summary>
public sealed class TwoFactorModel(UserManager<KansaUser> users, SignInManager<KansaUser> signIn) : PageModel
{
    /// <summary>The form: a code from the app.</summary>
    public sealed class InputModel
    {
        /// <summary>The six-digit code.</summary>
        [Required(ErrorMessage = "確認コードを入力してください。")]
        [RegularExpression(@"^\s*[0-9]{6}\s*$", ErrorMessage = "確認コードは6桁の数字です。")]
        [Display(Name = "確認コード (6桁)")]
        public string Code { get; set; } = "";
    }

    /// <summary>The form.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether two-factor sign-in is on.</summary>
    public bool Enabled { get; private set; }

    /// <summary>The key to enter in the app, in groups of four.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The otpauth URI for apps that read it.</summary>
    public string Uri { get; private set; } = "";

    /// <summary>Recovery codes, shown once after enabling.</summary>
    [TempData]
    public string? RecoveryCodes { get; set; }

    /// <summary>Shows the state and, when off, a key to set up.</summary>
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    /// <summary>Turns two-factor sign-in on after checking a code.</summary>
    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code.Trim()))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = string.Join(" ", await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8) ?? []);
            await signIn.RefreshSignInAsync(user);
            return RedirectToPage();
        }

        ModelState.AddModelError("Input.Code", "確認コードが正しくありません。アプリに表示されている最新のコードを入力してください。");
        await LoadAsync();
        return Page();
    }

    /// <summary>Turns two-factor sign-in off and forgets the key.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            Key = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            Uri = $"otpauth://totp/Kansa:{System.Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Kansa&digits=6";
        }

        return true;
    }
}
