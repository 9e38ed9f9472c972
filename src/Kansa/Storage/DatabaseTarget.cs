using Kansa.ChangeLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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

    /// <summary>The setting naming the change log's key file (<c>Kansa__ChangeLog__KeyFile</c> in the environment).</summary>
    public const string ChangeLogKeySetting = "Kansa:ChangeLog:KeyFile";

    // The setting's name before the change log got its own word; installations configured with it keep their key.
    private const string EarlierKeySetting = "Kansa:AuditLog:KeyFile";

    /// <summary>
    /// The file holding the change log's key, outside the database: the setting <see cref="ChangeLogKeySetting"/>
    /// (appsettings.json beside the program, or the environment), else <c>FILE.audit-key</c> beside the embedded
    /// database, else for PostgreSQL <c>~/.config/kansa/audit-keys/HOST_PORT_DATABASE.audit-key</c>.
    /// Created on the first line sealed. Several app instances on one PostgreSQL must share one key file.
    /// </summary>
    public string ChangeLogKeyPath { get; init; } = "";

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
            return WithKey(new DatabaseTarget(DatabaseEngine.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}"), builder);
        }

        var path = Path.GetFullPath(value);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
        return WithKey(new DatabaseTarget(DatabaseEngine.Sqlite, sqlite, path), null);
    }

    /// <summary>
    /// The key file's default place when the setting is absent. The file names keep their first spelling
    /// (<c>.audit-key</c>) so that an existing installation finds its key after an upgrade.
    /// </summary>
    public static string DefaultChangeLogKeyPath(DatabaseTarget target, NpgsqlConnectionStringBuilder? postgres)
    {
        if (postgres is null)
        {
            return target.Display + ".audit-key";
        }

        var name = string.Join('_', postgres.Host ?? "localhost", postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), postgres.Database ?? postgres.Username ?? "postgres");
        name = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "kansa", "audit-keys", name + ".audit-key");
    }

    private static DatabaseTarget WithKey(DatabaseTarget target, NpgsqlConnectionStringBuilder? postgres)
    {
        // The same sources as the web app's settings: appsettings.json beside the program, then the environment.
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("KANSA_")
            .Build();
        var configured = settings[ChangeLogKeySetting] ?? settings[EarlierKeySetting];
        return target with { ChangeLogKeyPath = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultChangeLogKeyPath(target, postgres) : configured) };
    }

    /// <summary>Whether this is an embedded file that does not exist yet.</summary>
    public bool IsMissingFile => Engine == DatabaseEngine.Sqlite && !File.Exists(Display);

    /// <summary>Configures EF Core for this target, with the engine's own migrations and the change log.</summary>
    public void Configure(DbContextOptionsBuilder options, IChangeActor actor, TimeProvider time)
    {
        // Search first: it rewrites the index inside the transaction that the change log's interceptor commits.
        options.AddInterceptors(new Search.SearchInterceptor(), new ChangeLogInterceptor(actor, time, new ChangeLogKeyFile(ChangeLogKeyPath)), new DataChangeNotice());
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
    public KansaDbContext CreateContext(IChangeActor? actor = null, TimeProvider? time = null)
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

        return WithKey(new DatabaseTarget(DatabaseEngine.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}"), builder);
    }
}
