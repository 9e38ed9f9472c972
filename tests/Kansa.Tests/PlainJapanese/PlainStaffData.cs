using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.PlainJapanese;

/// <summary>The workflow setup with display names, and R5-指-1 requested, drafted and sent back: people, dates and
/// messages on every staff page.</summary>
internal static class PlainStaffData
{
    public const string Page = "/staff/findings/R5-指-1";

    /// <summary>Login ids and the names the pages must show instead.</summary>
    public static readonly (string Login, string Name)[] People =
    [
        ("coord", "田中"), ("admin", "管理 太郎"), ("dx-editor", "鈴木"), ("dx-approver", "高橋"), ("road-editor", "山田"), ("viewer", "伊藤"),
    ];

    public static async Task NameEveryoneAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        foreach (var (login, name) in People)
        {
            (await context.Users.SingleAsync(u => u.UserName == login)).DisplayName = name;
        }

        await context.SaveChangesAsync();
    }

    /// <summary>Request (coordinator), draft (editor), submit, return (approver): through the staff pages' forms.</summary>
    public static async Task WalkAsync(WorkflowSetup setup)
    {
        var coord = await StaffAccounts.SignedInClientAsync(setup.Host, "coord");
        var editor = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-editor");
        var approver = await StaffAccounts.SignedInClientAsync(setup.Host, "dx-approver");
        await Post(coord, "Request", new() { ["Input.DueDate"] = "2026-01-15", ["Input.Note"] = "1月公表分" });
        await Post(editor, "Draft", new() { ["Input.Status"] = "措置済", ["Input.Content"] = "規程を改正した。" });
        var id = await ResponseIdAsync(setup);
        await Post(editor, "Submit", new() { ["Input.ResponseId"] = id });
        await Post(approver, "Return", new() { ["Input.ResponseId"] = id, ["Input.Comment"] = "日付を入れてください" });
    }

    public static async Task<string> ResponseIdAsync(WorkflowSetup setup)
    {
        await using var context = setup.Db.CreateContext();
        return (await context.Responses.MaxAsync(r => r.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var response = await StaffAccounts.PostFormAsync(client, $"{Page}?handler={handler}", fields, Page);
        return response;
    }
}
