using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zxcvbn.Matcher;

namespace Kansa.Accounts;

/// <summary>
/// Refuses guessable passwords with the zxcvbn strength estimator, fed the person's own words (login, display name,
/// e-mail address) and the words of the product and the city. Identity runs it wherever a password is set: account
/// creation, password change, reset.
/// </summary>
public sealed class PasswordStrength(IOptions<PasswordWords> words) : IPasswordValidator<KansaUser>
{
    /// <summary>
    /// The lowest accepted score (0–4). This port of zxcvbn estimates by entropy and rates words outside its English
    /// lists (romanized Japanese, new product names) as random letters, so it overrates Japanese-looking passwords:
    /// 3 still lets <c>Kansa-Audit-2025</c> through. 4 means about 10^8 seconds at the 10,000 guesses a second it
    /// assumes, which is what a leaked database of Identity's PBKDF2 hashes should withstand.
    /// </summary>
    public const int MinimumScore = 4;

    // The estimator loads its dictionaries once per instance; evaluations are serialized because the port does not
    // say it is thread-safe.
    private static readonly Zxcvbn.Zxcvbn Estimator = new(Zxcvbn.Translation.English);
    private static readonly Lock Gate = new();

    private static readonly char[] Separators = [' ', '　', '.', '_', '-', '@', '・', ',', '、'];

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<KansaUser> manager, KansaUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own length rule reports an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var inputs = PersonalWords(user).Concat(PasswordWords.Product).Concat(words.Value.CityWords)
            .Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        Zxcvbn.Result result;
        lock (Gate)
        {
            result = Estimator.EvaluatePassword(password, inputs);
        }

        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = Describe(result) }));
    }

    /// <summary>The Japanese message: the score and what made the password guessable, in the estimator's terms.</summary>
    public static string Describe(Zxcvbn.Result result)
    {
        var reasons = result.MatchSequence.Where(m => m.Pattern != "bruteforce").Select(Reason).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var why = reasons.Count > 0 ? string.Join("、", reasons) : "短く、文字の組み合わせが単純です";
        return $"推測されやすいパスワードです (推定の強さ {result.Score}/4、{MinimumScore} が必要です): {why}。" +
               "ほかの人が思いつかない語を4つ以上つなげた長い文にしてください。";
    }

    private static string Reason(Zxcvbn.Match match) => match switch
    {
        L33tDictionaryMatch l => $"「{l.Token}」は「{l.MatchedWord}」の文字を記号や数字に置き換えただけです",
        DictionaryMatch { DictionaryName: "user_inputs" } d => $"「{d.Token}」はログイン名・表示名・メールアドレスや、市・Kansa の名前に含まれる語です",
        DictionaryMatch { DictionaryName: "passwords" } d => $"「{d.Token}」はよく使われるパスワードです",
        DictionaryMatch d => $"「{d.Token}」は辞書にある語か人名です",
        SpatialMatch s => $"「{s.Token}」はキーボードの並びです",
        RepeatMatch r => $"「{r.Token}」は同じ文字の繰り返しです",
        SequenceMatch s => $"「{s.Token}」は連続した文字です",
        DateMatch d => $"「{d.Token}」は日付です",
        _ when match.Pattern == "year" => $"「{match.Token}」は年です",
        _ => $"「{match.Token}」は推測しやすい並びです",
    };

    private static IEnumerable<string> PersonalWords(KansaUser user)
    {
        foreach (var whole in new[] { user.UserName, user.DisplayName, user.Email })
        {
            if (string.IsNullOrWhiteSpace(whole))
            {
                continue;
            }

            yield return whole;
            foreach (var part in whole.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }
        }
    }
}
