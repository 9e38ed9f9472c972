using Kansa.Search;
using Kansa.Tests.Support;

namespace Kansa.Tests.Search;

/// <summary>
/// A backup carries the search documents, not SQLite's full-text index over them: the index must come back with the
/// restored rows on either engine, or a restored city would find nothing.
/// </summary>
public class SearchRestoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_restored_backup_finds_what_the_original_found(string targetEngine)
    {
        TestPaths.RequireSeed();
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        Assert.Equal(0, (await CliRun.RunAsync("import", TestPaths.SeedFile, "--db", source.DbArgument)).ExitCode);
        var backup = await CliRun.RunAsync("backup", dir.File("city.zip"), "--db", source.DbArgument);
        Assert.True(backup.ExitCode == 0, backup.Error);
        await using var target = await TestDatabase.CreateAsync(targetEngine);

        var restore = await CliRun.RunAsync("restore", dir.File("city.zip"), "--db", target.DbArgument);

        Assert.True(restore.ExitCode == 0, restore.Error);
        await using var context = target.CreateContext();
        var found = (await new SearchFindings(context).RunAsync(null, new SearchRequest("再委託"), default)).Value!;
        Assert.Equal("R5-意-15", found.Hits[0].Finding.Number);
    }
}
