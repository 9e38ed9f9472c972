using System.Net;
using System.Text.Json.Nodes;
using Kansa.Calendar;
using Kansa.Status;
using Kansa.Tests.Concurrency;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Rounds;

/// <summary>
/// Issue 6 item 4: a round may not be dated before the latest publication already in the data (the seed's imported
/// 「令和7年8月現在」 included), also when openings race each other, and is not published under a later document.
/// </summary>
public class RoundDatingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_round_dated_before_the_imported_2025_08_is_refused_with_a_Japanese_message_naming_it(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");

        foreach (var month in new[] { "2024-06", "2025-07" })
        {
            var refused = await PostAsync(coord, "/api/v1/rounds", new { asOf = month });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await ReadAsync(refused);
            Assert.StartsWith("時点: 令和7年8月より前の月の回は作れません。", (string?)problem["errors"]!["asOf"]![0], StringComparison.Ordinal);
        }

        // The staff form says the same, and nothing was stored by any of the refusals.
        var staff = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var form = await StaffAccounts.PostFormAsync(staff, "/staff/rounds", new() { ["Input.AsOf"] = "2024-06" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("令和7年8月より前の月の回は作れません", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = setup.Db.CreateContext())
        {
            Assert.Empty(await db.Rounds.AsNoTracking().ToListAsync());
        }

        // The month of the imported document itself is not earlier than it: allowed.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-08" })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_simultaneous_openings_around_2025_08_only_a_month_not_before_it_opens(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinators = new[] { await setup.ApiAsync("coord"), await setup.ApiAsync("admin") };

        // Twenty openings at one instant, ten dated before 2025-08 and ten from it on.
        var months = Enumerable.Range(-10, 20).Select(i => Shift(new YearMonth(2025, 8), i)).ToArray();
        var answers = await Simultaneous.SendAsync(20, i => PostAsync(coordinators[i % 2], "/api/v1/rounds", new { asOf = months[i].ToString() }));

        Assert.Equal(1, answers.Count(HttpStatusCode.Created));
        for (var i = 0; i < answers.Length; i++)
        {
            Assert.True(answers[i].StatusCode != HttpStatusCode.Created || months[i] >= new YearMonth(2025, 8), $"{months[i]} was opened");
            Assert.True((int)answers[i].StatusCode < 500, $"{months[i]}: {(int)answers[i].StatusCode}");
        }

        Assert.All(answers.Where((a, i) => months[i] < new YearMonth(2025, 8)), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        await using var db = setup.Db.CreateContext();
        var round = Assert.Single(await db.Rounds.AsNoTracking().ToListAsync());
        Assert.True(round.AsOf >= new YearMonth(2025, 8), $"round {round.AsOf} opened");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_round_overtaken_by_a_later_document_is_not_published(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-09" })))["id"]!;

        // A document 「令和7年10月現在」 arrives (as an import would store it) while the round of 2025-09 is open.
        await using (var db = setup.Db.CreateContext())
        {
            var finding = await db.Findings.FirstAsync(f => f.Number == "R5-指-1");
            db.StatusRecords.Add(new StatusRecord { FindingId = finding.Id, Word = "措置中", State = StatusState.InProgress, AsOf = new YearMonth(2025, 10), Source = "test", RecordedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var refused = await PostAsync(coord, $"/api/v1/rounds/{round}/publish");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("令和7年10月現在の公表がすでにあるため、令和7年9月現在の回は公表できません", (string?)(await ReadAsync(refused))["detail"], StringComparison.Ordinal);
        var state = await ReadAsync(await coord.GetAsync($"/api/v1/rounds/{round}"));
        Assert.False((bool)state["published"]!);
    }

    private static YearMonth Shift(YearMonth month, int by)
    {
        var n = month.Year * 12 + month.Month - 1 + by;
        return new YearMonth(n / 12, n % 12 + 1);
    }
}
