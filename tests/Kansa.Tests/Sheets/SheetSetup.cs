using System.Net;
using System.Net.Http.Json;
using Kansa.OpenData;
using Kansa.Tests.Support;
using Kansa.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Sheets;

/// <summary>
/// The seed with the workflow accounts (<see cref="WorkflowSetup"/>), and DX推進課 given three findings that need a
/// response: R5-指-1 and R5-意-1 (open, completed by the coordinator through the API) and R5-指-3 (published as done,
/// but asked again by a request).
/// </summary>
public static class SheetSetup
{
    /// <summary>The audit of the seed.</summary>
    public const string Audit = "R5-包括外部監査";

    /// <summary>The department sheet of the tests.</summary>
    public const string Dx = "DX推進課";

    private static readonly string[] DxDepartment = [Dx];

    /// <summary>Creates it on an engine (skips without the seed).</summary>
    public static async Task<WorkflowSetup> CreateAsync(string engine)
    {
        var setup = await WorkflowSetup.CreateAsync(engine);
        var coordinator = await setup.ApiAsync("coord");
        var read = await WorkflowSetup.ReadAsync(await coordinator.GetAsync("/api/v1/findings/R5-意-1"));
        var completed = await coordinator.PutAsJsonAsync("/api/v1/findings/R5-意-1", new
        {
            title = "クラウドサービスの利用方針について",
            excerpt = "クラウドサービスの利用について、全庁の方針を定めるべきである。\n\n・費用の比較\n・=SUM(A1) のような記号で始まる行",
            reportPages = "P88",
            departments = DxDepartment,
            version = (string?)read["version"],
        });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var requested = await WorkflowSetup.PostAsync(coordinator, "/api/v1/findings/R5-指-3/requests", new { dueDate = "2026-12-25", note = "再確認のお願い" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        return setup;
    }

    /// <summary>Everything in the database except the responses, their steps and the change log's length.</summary>
    public static async Task<string> AllButResponsesAsync(TestDatabase db)
    {
        var all = await DbFingerprint.TakeAsync(db);
        return all[..all.IndexOf("\nResponse: ", StringComparison.Ordinal)];
    }

    /// <summary>The id of a finding.</summary>
    public static async Task<int> FindingIdAsync(TestDatabase db, string number)
    {
        await using var context = db.CreateContext();
        return await context.Findings.Where(f => f.Number == number).Select(f => f.Id).SingleAsync();
    }

    /// <summary>Exports with the command line and reads the file back.</summary>
    public static async Task<byte[]> ExportAsync(TestDatabase db, string path, string? department = Dx)
    {
        var args = new List<string> { "sheet", "export", "--db", db.DbArgument, "--audit", Audit, "-o", path };
        if (department is not null)
        {
            args.AddRange(["--department", department]);
        }

        var run = await CliRun.RunAsync([.. args]);
        Assert.True(run.ExitCode == 0, run.Error);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Imports with the command line.</summary>
    public static Task<CliRun> ImportAsync(TestDatabase db, string path, string login, params string[] more) =>
        CliRun.RunAsync(["sheet", "import", path, "--db", db.DbArgument, "--as", login, .. more]);
}
