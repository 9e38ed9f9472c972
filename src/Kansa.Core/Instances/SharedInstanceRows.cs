using Microsoft.EntityFrameworkCore;

namespace Kansa.Instances;

/// <summary>
/// One key of the ASP.NET Core data-protection key ring (what signs the sign-in cookie and the antiforgery tokens),
/// kept in the database so that every app instance on it reads the same ring: a sign-in made through one instance is
/// accepted by the others. Written only by the key ring's own context, never through the audited one (the XML is the key).
/// </summary>
public sealed class DataProtectionKeyRow
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The key's name, as data protection gives it.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key, as XML.</summary>
    public string? Xml { get; set; }
}

/// <summary>
/// How many sign-in attempts one client address made in one minute, counted in the database so that the limit holds
/// whichever app instance the proxy sends each attempt to.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>The client's address (the proxy's X-Forwarded-For when it comes from a known proxy).</summary>
    public required string Client { get; set; }

    /// <summary>The minute, counted from the Unix epoch.</summary>
    public long Minute { get; set; }

    /// <summary>Attempts in that minute.</summary>
    public int Attempts { get; set; }
}

/// <summary>The tables that let several app instances share one database.</summary>
public static class SharedInstanceModel
{
    /// <summary>The key ring's table: the name the data-protection package's own context expects.</summary>
    public const string KeysTable = "DataProtectionKeys";

    /// <summary>The sign-in counters' table.</summary>
    public const string ThrottleTable = "LoginThrottles";

    /// <summary>Maps both tables.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DataProtectionKeyRow>(e => e.ToTable(KeysTable));
        builder.Entity<LoginThrottle>(e =>
        {
            e.ToTable(ThrottleTable);
            e.HasKey(t => new { t.Client, t.Minute });
            e.Property(t => t.Client).HasMaxLength(64);
            e.HasIndex(t => t.Minute);
        });
    }
}
