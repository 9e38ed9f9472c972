using System.Net;
using AngleSharp.Html.Parser;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;

namespace Kansa.Tests.PlainJapanese;

/// <summary>A refused form says what is wrong in Japanese beside the field, which points at the message.</summary>
public class FieldMessageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_message_stands_beside_its_field_without_the_API_field_name(string engine)
    {
        await using var setup = await WorkflowSetup.CreateAsync(engine);
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");

        var refused = await PlainStaffData.Post(coord, "Request", new() { ["Input.DueDate"] = "", ["Input.Note"] = "メモ" });
        var html = await refused.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("request-due-error", document.QuerySelector("#request-due")!.GetAttribute("aria-describedby"));
        Assert.Equal("期限: 期限の日付を入力してください。", document.QuerySelector("#request-due-error")!.TextContent);
        Assert.Null(document.QuerySelector("#request-note")!.GetAttribute("aria-describedby"));
        Assert.DoesNotContain("dueDate", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("必須", document.QuerySelector("label[for=request-due] .required")!.TextContent);
        Assert.Null(document.QuerySelector("label[for=request-note] .required"));

        // The API keeps the field's key for programs and says the rest in Japanese.
        var api = await setup.ApiAsync("coord");
        var problem = await WorkflowSetup.ReadAsync(await WorkflowSetup.PostAsync(api, "/api/v1/findings/R5-指-1/requests", new { dueDate = (string?)null }));
        Assert.Equal("期限: 期限の日付を入力してください。", (string?)problem["errors"]!["dueDate"]![0]);
    }
}
