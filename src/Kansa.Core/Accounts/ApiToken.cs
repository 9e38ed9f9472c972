namespace Kansa.Accounts;

/// <summary>A personal API token. Only its SHA-256 is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The owner.</summary>
    public required string UserId { get; set; }

    /// <summary>A label the owner chose.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was revoked; null while valid.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
