using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Accounts;
using Kansa.Recurrence;
using Kansa.Tests.Support;
using Xunit.Abstractions;
using static Kansa.Tests.Support.SitePaths;

namespace Kansa.Tests.Insight;

/// <summary>The recurrence index is built once per data version, and never outlives a change; generic words are no theme.</summary>
public class RecurrenceIndexTests(ITestOutputHelper output)
{
    [Fact]
    public async Task One_build_serves_a_version_and_a_new_version_or_a_failed_build_builds_again()
    {
        var cache = new RecurrenceIndexCache();
        var gate = new TaskCompletionSource();
        var built = 0;
        async Task<RecurrenceIndex> BuildAsync()
        {
            Interlocked.Increment(ref built);
            await gate.Task;
            return new RecurrenceIndex(new SimilarityIndex([]), new Dictionary<int, FindingRef>());
        }

        // Requests arriving while the build runs share it.
        var first = cache.GetAsync("v1", BuildAsync);
        var second = cache.GetAsync("v1", BuildAsync);
        gate.SetResult();
        Assert.Same(await first, await second);
        Assert.Same(await first, await cache.GetAsync("v1", BuildAsync));
        Assert.Equal(1, built);

        Assert.NotSame(await first, await cache.GetAsync("v2", BuildAsync));
        Assert.Equal(2, built);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("v3", () => Task.FromException<RecurrenceIndex>(new InvalidOperationException())));
        await cache.GetAsync("v3", BuildAsync);
        Assert.Equal(3, built);
    }

    [Fact]
    public void Findings_sharing_only_generic_words_are_not_similar()
    {
        var index = new SimilarityIndex(
        [
            new TermDocument(1, 1, "公用車の運行記録について", "職員が理由を記録していなかった。"),
            new TermDocument(2, 2, "補助金の交付について", "職員が理由を説明できなかった。"),
            new TermDocument(3, 3, "備品台帳について", "台帳がない。"),
            new TermDocument(4, 4, "委託料の積算について", "積算の根拠がない。"),
            new TermDocument(5, 5, "使用料の減免について", "減免の根拠がない。"),
        ]);

        Assert.Empty(index.Similar(1, minimum: 0.01));
        Assert.True(GenericTerms.Contains("理由") && GenericTerms.Contains("職員"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task After_a_change_the_similar_list_reflects_it_and_themes_name_no_generic_word(string engine)
    {
        await using var site = await Site.DemoAsync(engine);
        var themes = (await site.PageAsync("/themes")).QuerySelectorAll("section.theme-group h2").Select(h => h.TextContent.Trim()).ToList();
        output.WriteLine(string.Join('\n', themes));
        Assert.NotEmpty(themes);
        Assert.DoesNotContain(themes, h => h.StartsWith("理由 ", StringComparison.Ordinal) || h.StartsWith("職員 ", StringComparison.Ordinal));

        var before = await SimilarAsync(site);
        Assert.DoesNotContain("R5-意-2", before);

        // A coordinator rewrites R5-意-2 into the subject of R6-指-2: the finding page must see the change at once.
        await StaffAccounts.CreateUserAsync(site.Database, "sato", Roles.Coordinator);
        var coordinator = await StaffAccounts.TokenClientAsync(site.Database, site.Host, "sato");
        var path = "/api/v1/findings/R5-意-2?audit=" + Uri.EscapeDataString(R5);
        var current = (await coordinator.GetFromJsonAsync<JsonObject>(path))!;
        var edited = await coordinator.PutAsJsonAsync(path, new
        {
            title = "随意契約の理由の記録について",
            excerpt = "警備業務委託の随意契約について、競争入札に適しない理由が伺い書に記載されていなかった。",
            reportPages = current["reportPages"]?.GetValue<string>(),
            departments = current["departments"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray(),
            version = current["version"]!.GetValue<Guid>(),
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var after = await SimilarAsync(site);
        output.WriteLine(string.Join(", ", after));
        Assert.Equal("R5-意-2", after[0]);
    }

    private static async Task<List<string>> SimilarAsync(Site site) =>
        [.. (await site.PageAsync(Finding(R6, "R6-指-2"))).QuerySelectorAll("table.similar-findings tbody tr").Select(r => r.Children[1].TextContent.Trim())];
}
