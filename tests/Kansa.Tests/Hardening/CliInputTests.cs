using Kansa.Tests.Registry;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Hardening;

/// <summary>Issue 7 items 2 and 7 at the command line: months out of range and over-long names refused with a Japanese message.</summary>
public class CliInputTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Department_and_export_commands_refuse_months_and_names_Kansa_cannot_keep(string engine)
    {
        TestPaths.RequireSeed();
        await using var db = await RegistryApiTests.SeededAsync(engine);
        int dx;
        await using (var context = db.CreateContext())
        {
            dx = (await context.Departments.SingleAsync(d => d.Name == "DX推進課")).Id;
        }

        var before = await DbFingerprint.TakeAsync(db);
        var id = dx.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var early = await CliRun.RunAsync("department", "rename", id, "デジタル推進課", "--from", "1800-01", "--db", db.DbArgument);
        var late = await CliRun.RunAsync("department", "rename", id, "デジタル推進課", "--from", "9999-12", "--db", db.DbArgument);
        var longName = await CliRun.RunAsync("department", "rename", id, new string('課', 300), "--from", "2025-04", "--db", db.DbArgument);
        var export = await CliRun.RunAsync("export", "--format", "json", "--as-of", "٢٠٢٥-٠٨", "--db", db.DbArgument);

        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("--from", early.Error, StringComparison.Ordinal);
        Assert.Contains("1868-10〜2999-12", early.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, late.ExitCode);
        Assert.Contains("--from", late.Error, StringComparison.Ordinal);
        Assert.Equal(1, longName.ExitCode);
        Assert.Contains("200文字以内", longName.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, export.ExitCode);
        Assert.Contains("--as-of", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", early.Error + late.Error + longName.Error + export.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DbFingerprint.TakeAsync(db));
    }
}
