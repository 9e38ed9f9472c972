using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Storage;

/// <summary>
/// The migrations of each engine build exactly the model the code declares: a change to an entity or a renamed type
/// that needs a migration and has none fails here, not at a city's first `db migrate`.
/// </summary>
public class MigrationModelTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_model_has_no_change_that_lacks_a_migration(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), $"{engine}: dotnet ef migrations add が必要な変更があります");
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }
}
