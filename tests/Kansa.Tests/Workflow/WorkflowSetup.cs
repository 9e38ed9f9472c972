using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kansa.Accounts;
using Kansa.Import;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Workflow;

/// <summary>
/// The seed imported, R5-指-1 completed by the coordinator through PUT /api/v1/findings (a title and DX推進課),
/// and one account per role: coordinator, admin, DX推進課 editor and approver, 路政課 editor.
/// </summary>
public sealed class WorkflowSetup : IAsyncDisposable
{
    private WorkflowSetup(TestDatabase db, WebHost host)
    {
        Db = db;
        Host = host;
    }

    /// <summary>The database.</summary>
    public TestDatabase Db { get; }

    private static readonly string[] DxDepartment = ["DX推進課"];

    /// <summary>The running app.</summary>
    public WebHost Host { get; }

    /// <summary>Creates it on an engine; the app reads the clock from <paramref name="time"/> when given.</summary>
    public static async Task<WorkflowSetup> CreateAsync(string engine, TimeProvider? time = null)
    {
        TestPaths.RequireSeed();
        var db = await TestDatabase.CreateAsync(engine);
        await using (var context = db.CreateContext())
        {
            var imported = await new ImportStatusReports(context, TimeProvider.System).RunAsync([TestPaths.SeedFile], false, null, CancellationToken.None);
            Assert.Empty(imported.Problems);
        }

        await StaffAccounts.CreateUserAsync(db, "coord", Roles.Coordinator);
        await StaffAccounts.CreateUserAsync(db, "admin", Roles.Admin);
        await StaffAccounts.CreateUserAsync(db, "dx-editor", Roles.Editor, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "dx-approver", Roles.Approver, "DX推進課");
        await StaffAccounts.CreateUserAsync(db, "road-editor", Roles.Editor, "路政課");
        await StaffAccounts.CreateUserAsync(db, "viewer", Roles.Viewer);
        var setup = new WorkflowSetup(db, await WebHost.StartAsync(db.Target, time: time));

        // The coordinator completes R5-指-1, which the import knew only from the summary table, through the API.
        var coordinator = await setup.ApiAsync("coord");
        var read = await ReadAsync(await coordinator.GetAsync("/api/v1/findings/R5-指-1"));
        var completed = await coordinator.PutAsJsonAsync("/api/v1/findings/R5-指-1", new
        {
            title = "情報システムの調達に関する規程の整備について",
            departments = DxDepartment,
            version = (string?)read["version"],
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, completed.StatusCode);
        return setup;
    }

    /// <summary>An API client with a token of the user.</summary>
    public Task<HttpClient> ApiAsync(string login) => StaffAccounts.TokenClientAsync(Db, Host, login);

    /// <summary>Reads a JSON answer.</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Posts JSON.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        body is null ? client.PostAsync(path, null) : client.PostAsJsonAsync(path, body);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}
