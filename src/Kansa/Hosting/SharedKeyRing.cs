using Kansa.Instances;
using Kansa.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Hosting;

/// <summary>
/// The data-protection key ring's own context on the app's database (table <see cref="SharedInstanceModel.KeysTable"/>,
/// created by the migrations of <see cref="KansaDbContext"/>). Deliberately not the audited context: the key's XML must
/// never be copied into the change log, and data protection saves synchronously, which the audited context refuses.
/// </summary>
public sealed class KeyRingContext(DbContextOptions<KeyRingContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable(SharedInstanceModel.KeysTable);
}

/// <summary>Keeps the key ring in the database, shared by every instance of the app on it.</summary>
public static class SharedKeyRing
{
    /// <summary>
    /// The application name every instance protects with: cookies and antiforgery tokens made by one instance are read
    /// by another only when both use the same keys and the same name (the default name is the install folder).
    /// </summary>
    public const string ApplicationName = "Kansa";

    /// <summary>Adds data protection with its keys in the database.</summary>
    public static IServiceCollection AddKansaKeyRing(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddDbContext<KeyRingContext>(o =>
        {
            if (target.Engine == DatabaseEngine.Sqlite)
            {
                o.UseSqlite(target.ConnectionString);
            }
            else
            {
                o.UseNpgsql(target.ConnectionString);
            }
        });
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeyRingContext>();
        return services;
    }
}
