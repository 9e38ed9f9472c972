using Kansa.Search;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kansa.Tests.Search;

/// <summary>What db migrate does for search: it indexes findings stored before the index existed, and it warns when
/// PostgreSQL cannot index Japanese trigrams.</summary>
public class SearchSetupTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_indexes_findings_that_have_no_document(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await TestDatabase.CreateAsync(engine);
        Assert.Equal(0, (await CliRun.RunAsync("import", TestPaths.SeedFile, "--db", db.DbArgument)).ExitCode);
        await using (var context = db.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchDocuments\"");
            Assert.Equal(0, (await new SearchFindings(context).RunAsync(null, new SearchRequest("再委託"), default)).Value!.Total);
        }

        var migrated = await CliRun.RunAsync("db", "migrate", "--db", db.DbArgument);
        Assert.Equal(0, migrated.ExitCode);
        Assert.DoesNotContain("UTF-8", migrated.Error, StringComparison.Ordinal);
        await using (var context = db.CreateContext())
        {
            var found = (await new SearchFindings(context).RunAsync(null, new SearchRequest("再委託"), default)).Value!;
            Assert.Equal("R5-意-15", found.Hits[0].Finding.Number);
        }
    }

    [Fact]
    public async Task Migrate_says_when_a_PostgreSQL_database_is_not_in_a_UTF8_locale()
    {
        var admin = Environment.GetEnvironmentVariable("KANSA_TEST_PG") ?? throw new InvalidOperationException("KANSA_TEST_PG is not set");
        var name = "kansa_c_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var target = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            var migrated = await CliRun.RunAsync("db", "migrate", "--db", target);
            Assert.Equal(0, migrated.ExitCode);
            Assert.Contains("UTF-8 のロケールではありません", migrated.Error, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
