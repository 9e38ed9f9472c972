using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Storage;
using Kansa.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.Accounts;

/// <summary>
/// The zxcvbn check refuses guessable passwords (the 28 an attacker tried first, 14 of which the old hand-written list
/// let through), with a Japanese reason, and still accepts long unrelated words.
/// </summary>
public class PasswordStrengthTests
{
    public static TheoryData<string> Weak => new()
    {
        "P@ssw0rd1234", "qwertyqwerty", "kansa-kansa-kansa", "password1234", "aaaaaaaaaaaaaaaa", "qwertyuiopas",
        "Password2025!", "iloveyou1234", "123456789012", "abcdefghijkl", "kansa2025kansa", "sagamihara2025",
        "Sagamihara-2025", "監査監査監査監査監査監査", "1q2w3e4r5t6y", "zaq12wsxcde3", "welcome12345", "letmein12345",
        "admin1234567", "Kansa-Audit-2025", "passwordpassword", "Tokyo2025!!!", "summer2025!!", "Spring2024!!",
        "yamada-secret-2025", "Yamada-Taro-1985", "taro.yamada.jp", "相模原市相模原市2025",
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task A_guessable_password_is_refused_with_a_japanese_reason(string password)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var problems = await AddAsync(db, password);

        // A password of one or two characters repeated also breaks the variety rule: both are reported.
        Assert.Contains(problems, p => p.StartsWith("パスワード: 推測されやすいパスワードです (推定の強さ ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("P@ssw0rd1234", "「P@ssw0rd」は「password」の文字を記号や数字に置き換えただけです")]
    [InlineData("qwertyqwerty", "「qwerty」はよく使われるパスワードです")]
    [InlineData("kansa-kansa-kansa", "「kansa」はログイン名・表示名・メールアドレスや、市・Kansa の名前に含まれる語です")]
    [InlineData("Yamada-Taro-1985", "「Yamada」はログイン名・表示名・メールアドレスや、市・Kansa の名前に含まれる語です")]
    [InlineData("相模原市相模原市2025", "「相模原市」はログイン名・表示名・メールアドレスや、市・Kansa の名前に含まれる語です")]
    [InlineData("asdfghjkl;'zxcv", "はキーボードの並びです")]
    public async Task The_message_says_what_made_it_guessable(string password, string reason)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var problems = await AddAsync(db, password);

        Assert.Contains(reason, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-long-unique-passphrase-42")]
    [InlineData(StaffAccounts.Password)]
    [InlineData("correct horse battery staple")]
    [InlineData("ume-kasa-tokei-hashi-58")]
    public async Task Long_unrelated_words_are_accepted(string password)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        Assert.Empty(await AddAsync(db, password));
    }

    [Fact]
    public async Task The_command_line_refuses_a_weak_password_with_the_reason()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");

        var run = await CliRun.RunWithInputAsync("kansa-kansa-kansa\n", "user", "add", "suzuki", "--role", "viewer", "--password-stdin", "--db", db.Target.Display);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("パスワード: 推測されやすいパスワードです", run.Error, StringComparison.Ordinal);
        Assert.Contains("「kansa」は", run.Error, StringComparison.Ordinal);
    }

    // Through the same use case as `kansa user add`, with the person's name and address and the city's words set.
    private static async Task<IReadOnlyList<string>> AddAsync(TestDatabase db, string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChangeActor>(new FixedActor("cli:test"));
        services.AddDbContext<KansaDbContext>((sp, o) => db.Target.Configure(o, sp.GetRequiredService<IChangeActor>(), TimeProvider.System));
        services.AddKansaIdentityCore();
        services.AddKansaUseCases();
        services.Configure<PasswordWords>(o => o.CityWords.AddRange(["sagamihara", "相模原市"]));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AddUser>()
            .RunAsync("yamada", Roles.Viewer, [], password, "Yamada Taro", "taro.yamada@city.sagamihara.example.jp", CancellationToken.None);
    }
}
