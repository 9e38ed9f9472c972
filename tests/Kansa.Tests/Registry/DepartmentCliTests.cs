using System.Text.Json.Nodes;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Registry;

/// <summary><c>kansa department</c>: reorganizations from the command line, shown in the exports of each month.</summary>
public class DepartmentCliTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Renames_and_merges_from_a_month(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        int dx, road;
        await using (var context = db.CreateContext())
        {
            dx = (await context.Departments.SingleAsync(d => d.Name == "DX推進課")).Id;
            road = (await context.Departments.SingleAsync(d => d.Name == "路政課")).Id;
        }

        var id = dx.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var badMonth = await CliRun.RunAsync("department", "rename", id, "デジタル推進課", "--from", "R7.4", "--db", db.DbArgument);
        var rename = await CliRun.RunAsync("department", "rename", id, "デジタル推進課", "--from", "2025-04", "--db", db.DbArgument);
        var merge = await CliRun.RunAsync("department", "merge", road.ToString(System.Globalization.CultureInfo.InvariantCulture), "--into", id, "--from", "2025-06", "--db", db.DbArgument);
        var mergeAgain = await CliRun.RunAsync("department", "merge", road.ToString(System.Globalization.CultureInfo.InvariantCulture), "--into", id, "--from", "2025-06", "--db", db.DbArgument);
        var list = await CliRun.RunAsync("department", "list", "--db", db.DbArgument);

        Assert.Equal(2, badMonth.ExitCode);
        Assert.Equal(0, rename.ExitCode);
        Assert.Equal(0, merge.ExitCode);
        Assert.Equal(1, mergeAgain.ExitCode);
        Assert.Contains("すでにほかの所管課に統合されています", mergeAgain.Error, StringComparison.Ordinal);
        Assert.Contains("2025-04 デジタル推進課", list.Out, StringComparison.Ordinal);

        var may = JsonNode.Parse((await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "json", "--as-of", "2025-05")).Out)!.AsObject();
        var latest = JsonNode.Parse((await CliRun.RunAsync("export", "--db", db.DbArgument, "--format", "json")).Out)!.AsObject();
        var roadFinding = RegistryApiTests.Findings(may).Single(f => RegistryApiTests.Names(f).Contains("路政課"))["number"]!.GetValue<string>();
        Assert.Equal(["デジタル推進課"], RegistryApiTests.Departments(may, "R5-指-3"));
        Assert.Equal(["デジタル推進課"], RegistryApiTests.Departments(latest, roadFinding));
        // An account for a department named by its old name, or by a merged one, acts for the department of today.
        var user = await CliRun.RunAsync("user", "add", "road-editor", "--role", "editor", "--department", "路政課", "--db", db.DbArgument);
        Assert.Equal(0, user.ExitCode);
        await using (var context = db.CreateContext())
        {
            Assert.False(await context.Departments.AnyAsync(d => d.Name == "DX推進課"));
            Assert.Equal(dx, (await context.UserDepartments.SingleAsync()).DepartmentId);
        }

        var log = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.Equal(0, log.ExitCode);
    }
}
