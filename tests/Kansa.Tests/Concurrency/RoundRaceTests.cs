using System.Net;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Concurrency;

/// <summary>
/// Issue 7 item 3, publication rounds: requests sent at the same instant over real HTTP, on SQLite and PostgreSQL.
/// The database decides (one-open-round index, the conditional update of IsPublished), not a check made before writing.
/// </summary>
public class RoundRaceTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_twenty_simultaneous_openings_for_twenty_months_one_opens_and_nineteen_get_a_clear_409(string engine)
    {
        await using var setup = await CreateAsync(engine, Later);
        var coordinators = new[] { await setup.ApiAsync("coord"), await setup.ApiAsync("admin") };

        // Two coordinators, twenty different months, one instant.
        var answers = await Simultaneous.SendAsync(20, i => PostAsync(coordinators[i % 2], "/api/v1/rounds", new { asOf = Month(BaseYear, i) }));

        Assert.Equal(1, answers.Count(HttpStatusCode.Created));
        Assert.Equal(19, answers.Count(HttpStatusCode.Conflict));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("一度に開ける回は1つだけです", (string?)(await ReadAsync(refused))["detail"], StringComparison.Ordinal);
        }

        var opened = (string?)(await ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Created)))["asOf"];
        await using var db = setup.Db.CreateContext();
        var rounds = await db.Rounds.AsNoTracking().ToListAsync();
        Assert.Equal(opened, Assert.Single(rounds).AsOf.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_twenty_simultaneous_publications_of_a_round_one_publishes_and_nothing_is_published_twice(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinators = new[] { await setup.ApiAsync("coord"), await setup.ApiAsync("admin") };

        // The reproduction: a round with nothing approved yet, so only the round's own row decides.
        var empty = (int)(await ReadAsync(await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf = "2025-09" })))["id"]!;
        var first = await Simultaneous.SendAsync(20, i => PostAsync(coordinators[i % 2], $"/api/v1/rounds/{empty}/publish"));
        await AssertOneWinnerAsync(first);

        // A round that publishes a response: one status record, one "published" step, whoever wins.
        var responseId = await ApprovedResponseAsync(setup);
        var round = (int)(await ReadAsync(await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        var second = await Simultaneous.SendAsync(20, i => PostAsync(coordinators[i % 2], $"/api/v1/rounds/{round}/publish"));
        await AssertOneWinnerAsync(second);

        await using var db = setup.Db.CreateContext();
        Assert.Single(await db.StatusRecords.AsNoTracking().Where(r => r.ResponseId == responseId).ToListAsync());
        Assert.Single(await db.ResponseSteps.AsNoTracking().Where(s => s.ResponseId == responseId && s.Action == ResponseActions.Published).ToListAsync());
        var publications = await db.ChangeEntries.AsNoTracking()
            .Where(e => e.EntityType == "PublicationRound" && e.Action == "update").Select(e => e.EntityKey!).ToListAsync();
        Assert.Equal([$"{empty}", $"{round}"], publications.Order(StringComparer.Ordinal).ToArray());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rounds_are_published_in_the_order_of_their_months_even_when_openings_race_a_publication(string engine)
    {
        await using var setup = await CreateAsync(engine, Later);
        var coordinators = new[] { await setup.ApiAsync("coord"), await setup.ApiAsync("admin") };
        var month = 12;
        var open = (int)(await ReadAsync(await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf = Month(BaseYear, month) })))["id"]!;

        for (var turn = 0; turn < 8; turn++)
        {
            // One coordinator publishes the open round while others open rounds dated before, at and after it.
            var round = open;
            var around = month;
            var answers = await Simultaneous.SendAsync(9, i => i == 0
                ? PostAsync(coordinators[0], $"/api/v1/rounds/{round}/publish")
                : PostAsync(coordinators[1], "/api/v1/rounds", new { asOf = Month(BaseYear, around + i - 4) }));
            Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
            Assert.All(answers.Skip(1), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));

            await using (var db = setup.Db.CreateContext())
            {
                var rounds = await db.Rounds.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
                var published = rounds.Where(r => r.IsPublished).OrderBy(r => r.PublishedAt!.Value.UtcDateTime).Select(r => r.AsOf.Number).ToList();
                Assert.Equal(published.Order().Distinct(), published);
                var stillOpen = rounds.Where(r => !r.IsPublished).ToList();
                Assert.True(stillOpen.Count <= 1, $"{stillOpen.Count} rounds are open");
                Assert.All(stillOpen, r => Assert.True(r.AsOf.Number > published.Max(), $"open round {r.AsOf} is not after the published {published.Max()}"));
                if (stillOpen.Count == 1)
                {
                    (open, month) = (stillOpen[0].Id, (stillOpen[0].AsOf.Year - BaseYear) * 12 + stillOpen[0].AsOf.Month - 1);
                    continue;
                }
            }

            month += 5;
            open = (int)(await ReadAsync(await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf = Month(BaseYear, month) })))["id"]!;
        }

        // Sequentially too: nothing at or before the latest published month.
        var last = (await ReadAsync(await PostAsync(coordinators[0], $"/api/v1/rounds/{open}/publish")))["asOf"]!.ToString();
        var refused = await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf = last });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = (string?)(await ReadAsync(refused))["detail"] ?? "";
        Assert.True(detail.Contains("公表済みです", StringComparison.Ordinal) || detail.Contains("すでにあります", StringComparison.Ordinal), detail);
    }

    // Months after the seed's latest publication (令和7年8月) and before the current month: a round may be dated neither
    // before what is already published nor after this month. These tests open up to five years of rounds, so the app
    // runs on a clock six years ahead (only the month rules read it; tokens do not expire).
    private const int BaseYear = 2026;

    private static readonly TimeProvider Later = new YearsAhead(6);

    /// <summary>The month <paramref name="offset"/> months after January of <paramref name="year"/>, as YYYY-MM.</summary>
    private static string Month(int year, int offset) => $"{year + offset / 12}-{offset % 12 + 1:00}";

    /// <summary>The system clock moved some years ahead, still running.</summary>
    private sealed class YearsAhead(int years) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddYears(years);
    }

    private static async Task AssertOneWinnerAsync(HttpResponseMessage[] answers)
    {
        Assert.Equal(1, answers.Count(HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            // Refused before writing (already published: 400) or by the conditional update (409); never a 500.
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("公表", (string?)(await ReadAsync(refused))["detail"], StringComparison.Ordinal);
        }
    }

    private static async Task<int> ApprovedResponseAsync(Workflow.WorkflowSetup setup)
    {
        var editor = await setup.ApiAsync("dx-editor");
        var approver = await setup.ApiAsync("dx-approver");
        var id = (int)(await ReadAsync(await PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置済", content = "規程を改正した。" })))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, $"/api/v1/responses/{id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(approver, $"/api/v1/responses/{id}/approve")).StatusCode);
        return id;
    }
}
