using System.Text.Json;
using Json.Schema;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Import;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.OpenData;

/// <summary>The licence, the schema at its URL and 更新日, as the public pages and downloads give them.</summary>
public class LicenseAndDateTests
{
    [Theory]
    [InlineData("/open-data/kansa.json")]
    [InlineData("/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB/report.json")]
    public async Task The_json_carries_the_default_licence_and_validates_against_the_schema_served_beside_it(string path)
    {
        await using var site = await Site.DemoAsync("sqlite");

        var page = await site.PageAsync(Audit(R5));
        var schemaLink = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Single(h => h!.EndsWith(".schema.json", StringComparison.Ordinal));
        using var schemaResponse = await site.Client.GetAsync(new Uri(schemaLink!, UriKind.Relative));
        Assert.Equal("application/json", schemaResponse.Content.Headers.ContentType?.MediaType);
        var schema = JsonSchema.FromText(await schemaResponse.Content.ReadAsStringAsync());
        using var data = JsonDocument.Parse(await site.Client.GetByteArrayAsync(new Uri(path, UriKind.Relative)));

        var result = schema.Evaluate(data.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join('\n', (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("kansa/1", data.RootElement.GetProperty("schema").GetString());
        Assert.Equal("公共データ利用規約(第1.0版)(PDL1.0)", data.RootElement.GetProperty("license").GetProperty("name").GetString());
        Assert.Equal("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0", data.RootElement.GetProperty("license").GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_document_from_before_the_licence_field_still_validates()
    {
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(TestPaths.Output("schemas", "kansa-1.schema.json")));
        using var old = JsonDocument.Parse("""{"schema":"kansa/1","asOf":"2025-08","audits":[]}""");
        using var wrong = JsonDocument.Parse("""{"schema":"kansa/1","asOf":"2025-08","license":{"name":""},"audits":[]}""");

        Assert.True(schema.Evaluate(old.RootElement).IsValid);
        Assert.False(schema.Evaluate(wrong.RootElement).IsValid);
    }

    [Fact]
    public async Task The_city_s_licence_setting_reaches_the_json_the_csv_page_and_every_footer()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await ImportAsync(db, TimeProvider.System);
        await using var host = await WebHost.StartAsync(db.Target, new Dictionary<string, string?>
        {
            ["Kansa:OpenData:License:Name"] = "クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)",
            ["Kansa:OpenData:License:Url"] = "https://creativecommons.org/licenses/by/4.0/deed.ja",
        });

        using var json = JsonDocument.Parse(await host.Client.GetByteArrayAsync(new Uri("/open-data/kansa.json", UriKind.Relative)));
        Assert.Equal("クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)", json.RootElement.GetProperty("license").GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.ja", json.RootElement.GetProperty("license").GetProperty("url").GetString());
        foreach (var path in new[] { "/", Audit(R5), Finding(R5, "R5-指-1") })
        {
            var page = Site.Parse(await host.Client.GetStringAsync(new Uri(path, UriKind.Relative)));
            var link = page.QuerySelector("footer a[rel=license]");
            Assert.NotNull(link);
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.ja", link.GetAttribute("href"));
            Assert.Equal("クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)", link.TextContent);
        }
    }

    [Fact]
    public async Task Every_public_page_shows_the_day_the_data_last_changed_in_japan_in_wareki()
    {
        // 16:30 UTC on 14 January is already 15 January in Japan.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 16, 30, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await ImportAsync(db, time);
        time.Advance(TimeSpan.FromDays(40));
        await using var host = await WebHost.StartAsync(db.Target, time: time);

        foreach (var path in new[] { "/", Audit(R4), Audit(R5, "Query.AsOf=2024-06"), Finding("R5-指-1"), Finding(R6, "R6-意-1") })
        {
            var page = Site.Parse(await host.Client.GetStringAsync(new Uri(path, UriKind.Relative)));
            var updated = page.QuerySelector("footer .updated time");
            Assert.True(updated is not null, $"{path}: no 更新日");
            Assert.Equal("令和8年1月15日", updated.TextContent);
            Assert.Equal("2026-01-15", updated.GetAttribute("datetime"));
            Assert.StartsWith("更新日", updated.ParentElement!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2026-01-15", "令和8年1月15日")]
    [InlineData("2019-05-01", "令和元年5月1日")]
    [InlineData("2019-04-30", "平成31年4月30日")]
    [InlineData("1989-01-07", "昭和64年1月7日")]
    [InlineData("1989-01-08", "平成元年1月8日")]
    public void A_day_is_written_in_the_era_of_that_day(string iso, string expected) =>
        Assert.Equal(expected, WarekiDate.Format(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task ImportAsync(TestDatabase db, TimeProvider time)
    {
        await using var context = db.CreateContext();
        var result = await new ImportStatusReports(context, time).RunAsync(TestPaths.DemoSamples, dryRun: false, null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
    }
}
