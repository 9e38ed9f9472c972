using System.Net;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.StaticSite;
using Kansa.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.StaticSite;

/// <summary><c>kansa publish-static</c>: the portal written as files, read from disk and through a plain static server.</summary>
public class PublishStaticTests
{
    [Fact]
    public async Task The_demo_site_has_every_link_resolving_on_disk_and_over_http()
    {
        await using var db = await ImportedAsync(TestPaths.DemoSamples);
        using var dir = new TempDir();
        var site = dir.File("site");

        var run = await CliRun.RunAsync("publish-static", site, "--db", db.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        await AssertWholeSiteWorksAsync(site, ["R4-包括外部監査", "R5-包括外部監査", "R6-定期監査"]);
    }

    [SkippableFact]
    public async Task The_seed_site_has_every_link_resolving_on_disk_and_over_http()
    {
        TestPaths.RequireSeed();
        await using var db = await ImportedAsync([TestPaths.SeedFile]);
        using var dir = new TempDir();
        var site = dir.File("site");

        var run = await CliRun.RunAsync("publish-static", site, "--db", db.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        await AssertWholeSiteWorksAsync(site, ["R5-包括外部監査"]);
        Assert.True(File.Exists(Path.Combine(site, "audits", "R5-包括外部監査", "findings", "R5-指-3", "index.html")));
    }

    [Fact]
    public async Task A_folder_with_something_in_it_is_refused_unless_forced()
    {
        await using var db = await ImportedAsync(TestPaths.DemoSamples);
        using var dir = new TempDir();
        var site = dir.File("site");
        Directory.CreateDirectory(site);
        var mine = Path.Combine(site, "mine.txt");
        await File.WriteAllTextAsync(mine, "市の原稿");

        var refused = await CliRun.RunAsync("publish-static", site, "--db", db.DbArgument);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("空ではありません", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(site).Select(Path.GetFileName));

        var forced = await CliRun.RunAsync("publish-static", site, "--db", db.DbArgument, "--force");

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.False(File.Exists(mine));
        Assert.True(File.Exists(Path.Combine(site, "index.html")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public async Task A_page_that_fails_stops_the_copy_and_leaves_nothing_written()
    {
        await using var db = await ImportedAsync(TestPaths.DemoSamples);
        using var dir = new TempDir();
        var site = dir.File("site");
        Action<IServiceCollection> failingFeed = s => s.AddScoped<ListPublications>(_ => throw new InvalidOperationException("the feed is down"));

        var result = await new PublishStaticSite(db.Target, TextWriter.Null) { Services = failingFeed }.RunAsync(site, dropBroken: false, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("/feed.atom を取得できません (HTTP 500", problem, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));

        var dropped = await new PublishStaticSite(db.Target, TextWriter.Null) { Services = failingFeed }.RunAsync(site, dropBroken: true, CancellationToken.None);

        Assert.Empty(dropped.Problems);
        Assert.Single(dropped.Warnings);
        Assert.False(File.Exists(Path.Combine(site, "feed.atom")));
        Assert.Empty(StaticSiteCheck.BrokenOnDisk(site));
        Assert.DoesNotContain("feed.atom", await File.ReadAllTextAsync(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    private static async Task AssertWholeSiteWorksAsync(string site, IReadOnlyList<string> keys)
    {
        foreach (var expected in new[] { "index.html", "feed.atom", "favicon.svg", "css/site.css", "lib/design-tokens/tokens.css", "open-data/kansa.json", "open-data/kansa.csv", "open-data/kansa.txt", "open-data/kansa-1.schema.json" })
        {
            Assert.True(File.Exists(Path.Combine(site, expected)), $"{expected} is missing");
        }

        foreach (var key in keys)
        {
            Assert.True(File.Exists(Path.Combine(site, "audits", key, "index.html")), $"{key} is missing");
            Assert.True(File.Exists(Path.Combine(site, "audits", key, "report.json")), $"{key}/report.json is missing");
        }

        var links = StaticSiteCheck.Links(site);
        Assert.True(links.Count > 100, $"only {links.Count} links");
        Assert.Empty(StaticSiteCheck.BrokenOnDisk(site));

        // Nothing points back at the app that rendered the pages, nor at pages that are not public.
        var all = string.Join('\n', Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".atom" or ".css").Select(File.ReadAllText));
        Assert.DoesNotContain("127.0.0.1", all, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", all, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/", all, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", all, StringComparison.Ordinal);
        Assert.DoesNotContain(links, l => l.Link.StartsWith('/'));

        await using var server = await StaticSiteCheck.ServeAsync(site);
        var root = new Uri(Kansa.Hosting.KansaWebApp.Addresses(server)[0] + "/");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var target in links.Where(l => !StaticSiteCheck.IsExternal(l.Link))
                     .Select(l => new Uri(new Uri(root, StaticSiteCheck.Escape(l.File)), l.Link))
                     .Select(u => new UriBuilder(u) { Fragment = "" }.Uri).Distinct())
        {
            using var response = await client.GetAsync(target);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{target}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    private static async Task<TestDatabase> ImportedAsync(IReadOnlyList<string> files)
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, TimeProvider.System).RunAsync(files, dryRun: false, null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return db;
    }
}
