using Kansa.AuditTrail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kansa.Storage;

/// <summary>The database engines Kansa runs on.</summary>
public enum DatabaseEngine
{
    /// <summary>An embedded SQLite file: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>
/// Where the data lives, from <c>--db</c>, else <c>KANSA_DB</c>, else <c>./data/kansa.db</c>:
/// a file path means SQLite; a <c>postgres://</c> URL or a connection string with Host= means PostgreSQL.
/// </summary>
public sealed record DatabaseTarget(DatabaseEngine Engine, string ConnectionString, string Display)
{
    /// <summary>The default embedded database file.</summary>
    public const string DefaultPath = "data/kansa.db";

    /// <summary>Resolves the user's setting.</summary>
    public static DatabaseTarget Resolve(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? Environment.GetEnvironmentVariable("KANSA_DB") : setting;
        if (string.IsNullOrWhiteSpace(value))
        {
            value = DefaultPath;
        }

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(value);
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return new DatabaseTarget(DatabaseEngine.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}");
        }

        var path = Path.GetFullPath(value);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
        return new DatabaseTarget(DatabaseEngine.Sqlite, sqlite, path);
    }

    /// <summary>Whether this is an embedded file that does not exist yet.</summary>
    public bool IsMissingFile => Engine == DatabaseEngine.Sqlite && !File.Exists(Display);

    /// <summary>Configures EF Core for this target, with the engine's own migrations and the audit log.</summary>
    public void Configure(DbContextOptionsBuilder options, IAuditActor actor, TimeProvider time)
    {
        options.AddInterceptors(new AuditInterceptor(actor, time));
        if (Engine == DatabaseEngine.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Display)!);
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Sqlite"));
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Postgres"));
        }
    }

    /// <summary>Creates a context on this target; changes are logged as the given actor (the command line by default).</summary>
    public KansaDbContext CreateContext(IAuditActor? actor = null, TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<KansaDbContext>();
        Configure(options, actor ?? FixedActor.CommandLine, time ?? TimeProvider.System);
        return new KansaDbContext(options.Options);
    }

    private static DatabaseTarget FromUrl(string url)
    {
        var uri = new Uri(url);
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return new DatabaseTarget(DatabaseEngine.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}");
    }
}
