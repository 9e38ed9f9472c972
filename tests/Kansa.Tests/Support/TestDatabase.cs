using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kansa.Tests.Support;

/// <summary>
/// A fresh, migrated database on a real engine: a SQLite file, or a new database on the PostgreSQL
/// server that ./test.sh starts (KANSA_TEST_PG). The same tests run on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDir? dir;
    private readonly string? pgName;

    private TestDatabase(DatabaseTarget target, TempDir? dir, string? pgName)
    {
        Target = target;
        this.dir = dir;
        this.pgName = pgName;
    }

    /// <summary>The engines every data-access test runs on.</summary>
    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    /// <summary>The database, as <c>--db</c> would name it.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>What to pass to <c>--db</c>.</summary>
    public string DbArgument => Target.Engine == DatabaseEngine.Sqlite ? Target.Display : Target.ConnectionString;

    /// <summary>Creates an empty database and applies the engine's migrations.</summary>
    public static async Task<TestDatabase> CreateAsync(string engine, bool migrate = true)
    {
        TestDatabase db;
        if (engine == "sqlite")
        {
            var dir = new TempDir();
            db = new TestDatabase(DatabaseTarget.Resolve(dir.File("kansa.db")), dir, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("KANSA_TEST_PG")
                ?? throw new InvalidOperationException("KANSA_TEST_PG is not set: run the tests through ./test.sh, which starts a PostgreSQL server");
            var name = "kansa_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand(
                    $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(DatabaseTarget.Resolve(builder.ConnectionString), null, name);
        }

        if (migrate)
        {
            await using var context = db.CreateContext();
            await context.Database.MigrateAsync();
        }

        return db;
    }

    /// <summary>The change log's key for this database (null before the first line is written).</summary>
    public Kansa.ChangeLog.ChangeLogKey? AuditKey => new Kansa.ChangeLog.ChangeLogKeyFile(Target.ChangeLogKeyPath).Find();

    /// <summary>A new context on the database.</summary>
    public KansaDbContext CreateContext() => Target.CreateContext();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("KANSA_TEST_PG"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Dispose();
        }
    }
}
