using Microsoft.AspNetCore.Identity;

namespace Kansa.Accounts;

/// <summary>
/// Refuses passwords that are long but still guessable: well-known ones, one character repeated,
/// a run of the keyboard or of digits, a common word padded with digits and symbols, or the login itself.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<KansaUser>
{
    // Words that dominate leaked-password lists, plus words every attacker tries against a Japanese city's audit system.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "admin",
        "administrator", "changeme", "iloveyou", "monkey", "dragon", "sunshine", "princess", "football", "baseball", "master",
        "secret", "abc", "abcdef", "abcdefghijkl", "login", "user", "guest", "test", "kansa", "audit", "kansakansa", "city",
        "shiyakusho", "yakusho", "nihon", "nippon", "tokyo", "sagamihara", "1q2w3e4r", "1q2w3e4r5t6y", "zaq12wsx", "qazwsx",
    };

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<KansaUser> manager, KansaUser user, string? password)
    {
        var p = (password ?? "").ToLowerInvariant();
        var core = new string([.. p.Where(char.IsLetter)]);
        var refused =
            Words.Contains(p) || Words.Contains(core) && core.Length < 12
            || p.Distinct().Count() <= 2
            || IsRun(p, "0123456789012345678901234567890") || IsRun(p, "qwertyuiopasdfghjklzxcvbnm") || IsRun(p, "abcdefghijklmnopqrstuvwxyz")
            || (user.UserName is { Length: >= 3 } name && p.Contains(name.ToLowerInvariant(), StringComparison.Ordinal));
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "よく使われるパスワードや推測しやすいパスワード (同じ文字の繰り返し、連続した文字、ログイン名を含むもの) は使えません。" })
            : IdentityResult.Success);
    }

    private static bool IsRun(string p, string sequence) => sequence.Contains(p, StringComparison.Ordinal);
}
