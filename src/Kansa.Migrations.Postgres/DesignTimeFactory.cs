using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kansa.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KansaDbContext>
{
    /// <inheritdoc />
    public KansaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KansaDbContext>()
            .UseNpgsql("Host=localhost;Database=kansa", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
