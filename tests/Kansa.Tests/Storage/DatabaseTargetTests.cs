using Kansa.Storage;
using Npgsql;

namespace Kansa.Tests.Storage;

public class DatabaseTargetTests
{
    [Fact]
    public void A_path_is_an_embedded_sqlite_file()
    {
        var target = DatabaseTarget.Resolve("some/dir/k.db");

        Assert.Equal(DatabaseEngine.Sqlite, target.Engine);
        Assert.Equal(Path.GetFullPath("some/dir/k.db"), target.Display);
    }

    [Fact]
    public void Nothing_given_means_the_default_file_or_KANSA_DB()
    {
        var target = DatabaseTarget.Resolve(null);

        var expected = Environment.GetEnvironmentVariable("KANSA_DB") is { Length: > 0 } env ? env : DatabaseTarget.DefaultPath;
        Assert.Equal(Path.GetFullPath(expected), target.Display);
    }

    [Theory]
    [InlineData("postgres://kansa:p%40ss@db.example:5433/city?sslmode=disable")]
    [InlineData("postgresql://kansa:p%40ss@db.example:5433/city?sslmode=disable")]
    public void A_postgres_url_becomes_a_connection_string(string url)
    {
        var target = DatabaseTarget.Resolve(url);
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);

        Assert.Equal(DatabaseEngine.PostgreSql, target.Engine);
        Assert.Equal(("db.example", 5433, "city", "kansa", "p@ss", SslMode.Disable),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void A_connection_string_with_host_is_postgres()
    {
        var target = DatabaseTarget.Resolve("Host=127.0.0.1;Port=5432;Database=kansa;Username=kansa");

        Assert.Equal(DatabaseEngine.PostgreSql, target.Engine);
        Assert.DoesNotContain("Password", target.Display, StringComparison.Ordinal);
    }
}
