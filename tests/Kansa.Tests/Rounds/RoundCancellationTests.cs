using System.Net;
using Kansa.Responses;
using Kansa.Tests.Concurrency;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Rounds;

/// <summary>
/// Issue 6 item 4: an unpublished round is cancelled with a reason (logged), its responses wait for the next round,
/// a new round can open, and a cancellation racing publications leaves exactly one winner.
/// </summary>
public class RoundCancellationTests
{
    private const string Reason = "月を誤って開いたため";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_round_is_cancelled_with_a_logged_reason_and_its_responses_wait_for_the_next_round(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coord = await setup.ApiAsync("coord");
        var editor = await setup.ApiAsync("dx-editor");
        var id = await RoundChangesTests.ApprovedAsync(setup, "R5-指-1", "措置済", "規程を改正した。");
        var round = (int)(await ReadAsync(await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" })))["id"]!;
        var cancel = $"/api/v1/rounds/{round}/cancel";

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, cancel, new { reason = Reason })).StatusCode);
        foreach (var body in new object?[] { null, new { }, new { reason = "   " } })
        {
            var refused = await PostAsync(coord, cancel, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("取消しの理由: 入力してください。", (string?)(await ReadAsync(refused))["errors"]!["reason"]![0]);
        }

        Assert.False((bool)(await ReadAsync(await coord.GetAsync($"/api/v1/rounds/{round}")))["cancelled"]!);
        var cancelled = await PostAsync(coord, cancel, new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await ReadAsync(cancelled);
        Assert.True((bool)view["cancelled"]!);
        Assert.Equal(Reason, (string?)view["cancelReason"]);
        Assert.Equal("user:coord", (string?)view["cancelledBy"]);

        // Once cancelled: not again, never published; the response is still approved and unpublished.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coord, cancel, new { reason = Reason })).StatusCode);
        var publish = await PostAsync(coord, $"/api/v1/rounds/{round}/publish");
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("取り消されています", (string?)(await ReadAsync(publish))["detail"], StringComparison.Ordinal);
        Assert.Equal("approved", (string?)(await ReadAsync(await coord.GetAsync($"/api/v1/responses/{id}")))["stage"]);
        await using (var db = setup.Db.CreateContext())
        {
            Assert.Empty(await db.StatusRecords.AsNoTracking().Where(r => r.ResponseId == id).ToListAsync());
            var logged = await db.ChangeEntries.AsNoTracking().Where(e => e.EntityType == "PublicationRound" && e.Action == "update" && e.EntityKey == $"{round}").ToListAsync();
            var line = Assert.Single(logged);
            Assert.Equal("user:coord", line.Actor);
            Assert.Contains(Reason, line.After, StringComparison.Ordinal);
        }

        // A new round (even of the same month) opens and publishes the response.
        var next = await PostAsync(coord, "/api/v1/rounds", new { asOf = "2025-11" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var nextId = (int)(await ReadAsync(next))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(coord, $"/api/v1/rounds/{nextId}/publish")).StatusCode);
        Assert.Equal("published", (string?)(await ReadAsync(await coord.GetAsync($"/api/v1/responses/{id}")))["stage"]);
        var late = await PostAsync(coord, $"/api/v1/rounds/{nextId}/cancel", new { reason = Reason });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("公表した回は取り消せません", (string?)(await ReadAsync(late))["detail"], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_staff_page_cancels_only_with_a_reason(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var staff = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var opened = await StaffAccounts.PostFormAsync(staff, "/staff/rounds", new() { ["Input.AsOf"] = "2025-12" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = opened.Headers.Location!.OriginalString;

        var empty = await StaffAccounts.PostFormAsync(staff, page + "?handler=Cancel", new() { ["reason"] = "" }, page);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("取消しの理由: 入力してください。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("準備中", await staff.GetStringAsync("/staff/rounds"), StringComparison.Ordinal);

        var done = await StaffAccounts.PostFormAsync(staff, page + "?handler=Cancel", new() { ["reason"] = Reason }, page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await staff.GetStringAsync(page);
        Assert.Contains("取り消しました", after, StringComparison.Ordinal);
        Assert.Contains(Reason, after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Publish", after, StringComparison.Ordinal);
        var list = await staff.GetStringAsync("/staff/rounds");
        Assert.Contains($"取消し ({Reason})", list, StringComparison.Ordinal);
        Assert.Contains("新しい回を開く", list, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_a_cancellation_and_publications_sent_at_the_same_moment_exactly_one_wins(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var coordinators = new[] { await setup.ApiAsync("coord"), await setup.ApiAsync("admin") };
        var response = await RoundChangesTests.ApprovedAsync(setup, "R5-指-1", "措置済", "規程を改正した。");
        var released = false;

        for (var month = 9; month <= 14; month++)
        {
            var asOf = month <= 12 ? $"2025-{month:00}" : $"2026-{month - 12:00}";
            var round = (int)(await ReadAsync(await PostAsync(coordinators[0], "/api/v1/rounds", new { asOf })))["id"]!;

            // Even requests cancel, odd ones publish, all at one instant.
            var answers = await Simultaneous.SendAsync(10, i => i % 2 == 0
                ? PostAsync(coordinators[i / 2 % 2], $"/api/v1/rounds/{round}/cancel", new { reason = $"取消し {i}" })
                : PostAsync(coordinators[i / 2 % 2], $"/api/v1/rounds/{round}/publish"));

            var winners = Enumerable.Range(0, 10).Where(i => answers[i].StatusCode == HttpStatusCode.OK).ToList();
            var winner = Assert.Single(winners);
            foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            {
                Assert.Contains(lost.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
                Assert.Equal("application/problem+json", lost.Content.Headers.ContentType?.MediaType);
            }

            await using var db = setup.Db.CreateContext();
            var stored = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round);
            Assert.True(stored.IsPublished != stored.IsCancelled, $"{asOf}: published {stored.IsPublished}, cancelled {stored.IsCancelled}");
            Assert.Equal(winner % 2 == 1, stored.IsPublished);
            Assert.Equal(winner % 2 == 0 ? $"取消し {winner}" : null, stored.CancelReason);

            // The response is published exactly once, by the first round whose publication won; until then it waits.
            var records = await db.StatusRecords.AsNoTracking().Where(r => r.ResponseId == response).ToListAsync();
            var stage = (await db.Responses.AsNoTracking().SingleAsync(r => r.Id == response)).Stage;
            released |= stored.IsPublished;
            Assert.Equal(released ? 1 : 0, records.Count);
            Assert.Equal(released ? ResponseStage.Published : ResponseStage.Approved, stage);
        }
    }
}
