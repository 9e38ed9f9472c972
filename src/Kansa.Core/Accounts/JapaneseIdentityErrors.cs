using Microsoft.AspNetCore.Identity;

namespace Kansa.Accounts;

/// <summary>Identity's messages in Japanese, for the ones a user can meet.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"パスワードは {length} 文字以上にしてください。" };

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"パスワードには {uniqueChars} 種類以上の文字を使ってください。" };

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"ログイン名「{userName}」はすでに使われています。" };

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"ログイン名「{userName}」には英数字と - . _ @ だけが使えます。" };

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "パスワードが違います。" };

    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "ほかの人が先に変更しました。読み込み直してからやり直してください。" };
}
