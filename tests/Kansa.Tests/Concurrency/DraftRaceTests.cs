using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Responses;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kansa.Tests.Workflow.WorkflowSetup;

namespace Kansa.Tests.Concurrency;

/// <summary>Issue 7 item 3, one unfinished response per finding, decided by a partial unique index on both engines.</summary>
public class DraftRaceTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Of_ten_simultaneous_drafts_for_one_finding_one_is_kept_and_nine_get_a_clear_409(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await setup.ApiAsync("dx-editor");

        var answers = await Simultaneous.SendAsync(10, i =>
            PostAsync(editor, "/api/v1/findings/R5-指-1/responses", new { status = "措置中", content = $"{i} 番目の下書き" }));

        Assert.Equal(1, answers.Count(HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(HttpStatusCode.Conflict));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("R5-指-1 にはまだ公表されていない回答があります", (string?)(await ReadAsync(refused))["detail"], StringComparison.Ordinal);
        }

        var kept = (int)(await ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Created)))["id"]!;
        Assert.Equal([kept], await ResponsesOfAsync(setup));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_double_click_on_the_draft_form_saves_one_draft_and_tells_the_second_click_why(string engine)
    {
        await using var setup = await CreateAsync(engine);
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        const string page = "/staff/findings/R5-指-1";
        var token = new HtmlParser().ParseDocument(await editor.GetStringAsync(page))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The same form posted several times at once, as an impatient double (or triple) click does.
        var answers = await Simultaneous.SendAsync(5, _ => editor.PostAsync($"{page}?handler=Draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Status"] = "措置中",
            ["Input.Content"] = "規程の改正を検討している。",
        })));

        Assert.Equal(1, answers.Count(HttpStatusCode.Redirect));
        Assert.Equal(4, answers.Count(HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains("まだ公表されていない回答があります", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await ResponsesOfAsync(setup));
    }

    private static async Task<List<int>> ResponsesOfAsync(Workflow.WorkflowSetup setup)
    {
        await using var db = setup.Db.CreateContext();
        var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Number == "R5-指-1");
        return await db.Responses.AsNoTracking().Where(r => r.FindingId == finding.Id && r.Stage != ResponseStage.Withdrawn).Select(r => r.Id).ToListAsync();
    }
}
