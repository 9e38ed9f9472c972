using System.Security.Cryptography;
using System.Text;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Accounts;

/// <summary>Creates, checks and revokes personal API tokens.</summary>
public sealed class ApiTokens(KansaDbContext db, TimeProvider time)
{
    private const string Scheme = "kansa_";

    /// <summary>Creates a token for a login; the returned text is the only copy of it.</summary>
    public async Task<(ApiToken? Token, string? Secret)> CreateAsync(string login, string name, CancellationToken ct)
    {
        var normalized = login.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return (null, null);
        }

        var secret = Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken { UserId = user.Id, Name = name, Prefix = secret[..12], Hash = HashOf(secret), CreatedAt = time.GetUtcNow() };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The user a presented token belongs to, when it is valid.</summary>
    public async Task<KansaUser?> FindUserAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        return token is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
    }

    /// <summary>Revokes a token; false when there is no such valid token.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.RevokedAt == null, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
