using System.Data.Common;
using Kansa.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kansa.Hosting;

/// <summary>
/// Plain connections to the app's database for the few statements that must not pass through the audited context
/// (the data version probe, the sign-in counters): one round trip, no change tracking, nothing written to the log.
/// </summary>
public sealed class SharedConnections(DatabaseTarget target) : IDisposable
{
    private readonly NpgsqlDataSource? postgres = target.Engine == DatabaseEngine.PostgreSql ? NpgsqlDataSource.Create(target.ConnectionString) : null;

    /// <summary>The database engine.</summary>
    public DatabaseEngine Engine => target.Engine;

    /// <summary>A new, not yet opened connection (pooled by the driver).</summary>
    public DbConnection Create() => postgres is not null ? postgres.CreateConnection() : new SqliteConnection(target.ConnectionString);

    /// <inheritdoc />
    public void Dispose() => postgres?.Dispose();
}
