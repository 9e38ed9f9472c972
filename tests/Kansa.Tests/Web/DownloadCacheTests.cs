using Kansa.Import;
using Kansa.Tests.Support;

namespace Kansa.Tests.Web;

/// <summary>Open-data files are served from a cache that a change to the data makes stale at once.</summary>
public class DownloadCacheTests
{
    [Fact]
    public async Task A_download_after_an_import_shows_the_imported_data()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await ImportAsync(db, TestPaths.DemoSamples[0]);
        await using var host = await WebHost.StartAsync(db.Target);

        var first = await host.Client.GetStringAsync("/open-data/kansa.json");
        var again = await host.Client.GetStringAsync("/open-data/kansa.json");
        await ImportAsync(db, TestPaths.DemoSamples[3]);
        var after = await host.Client.GetStringAsync("/open-data/kansa.json");

        Assert.Equal(first, again);
        Assert.DoesNotContain("R6-定期監査", first, StringComparison.Ordinal);
        Assert.Contains("R6-定期監査", after, StringComparison.Ordinal);
    }

    private static async Task ImportAsync(TestDatabase db, string file)
    {
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, TimeProvider.System).RunAsync([file], false, null, CancellationToken.None);
        Assert.True(result.Succeeded);
    }
}
