using Kansa.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kansa.Security;

/// <summary>
/// Password sign-in that costs the same whatever the login names: an unknown name, an account without a password
/// and a locked account each verify the password against a dummy hash, so that the answer's timing does not tell
/// which names exist (Identity alone answers an unknown name without hashing, about ten times faster).
/// </summary>
public sealed class PasswordSignIn(SignInManager<KansaUser> signIn, UserManager<KansaUser> users, IPasswordHasher<KansaUser> hasher)
{
    // A hash of a random password, made once with the same hasher and so the same work factor as real ones.
    private static readonly Lock Gate = new();
    private static string? dummyHash;

    /// <summary>Checks the password and signs in (cookie); failures count towards the lockout.</summary>
    public async Task<SignInResult> RunAsync(string login, string password)
    {
        var user = await users.FindByNameAsync(login);
        if (user is null)
        {
            SameWork(password);
            return SignInResult.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            SameWork(password);
            return SignInResult.LockedOut;
        }

        if (!await users.HasPasswordAsync(user))
        {
            // A single sign-on only account: a failed attempt all the same, counted towards its lockout.
            SameWork(password);
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }

    private void SameWork(string password)
    {
        string hash;
        lock (Gate)
        {
            hash = dummyHash ??= hasher.HashPassword(new KansaUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        }

        hasher.VerifyHashedPassword(new KansaUser(), hash, password);
    }
}
