using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Backups;

/// <summary><c>kansa backup</c>, <c>kansa restore</c> and <c>kansa db copy</c> on real engines, from the embedded database.</summary>
public class BackupRestoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_sqlite_backup_restores_identically(string targetEngine)
    {
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        var data = await BackupData.FillAsync(source);
        var backup = await CliRun.RunAsync("backup", dir.File("backups/daily/city.zip"), "--db", source.DbArgument);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("バックアップしました", backup.Out, StringComparison.Ordinal);
        await using var target = await TestDatabase.CreateAsync(targetEngine);

        var restore = await CliRun.RunAsync("restore", dir.File("backups/daily/city.zip"), "--db", target.DbArgument);

        Assert.True(restore.ExitCode == 0, restore.Error);
        await BackupData.AssertSameAsync(source, target, dir);
        await using var context = target.CreateContext();
        Assert.Equal(data.Evidence, (await context.EvidenceFiles.SingleAsync()).Content);
    }

    [Fact]
    public async Task Db_copy_to_postgres_keeps_everything_and_the_app_works_on_the_copy()
    {
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        var data = await BackupData.FillAsync(source);
        await using var target = await TestDatabase.CreateAsync("postgres");

        var copy = await CliRun.RunAsync("db", "copy", "--to", target.DbArgument, "--db", source.DbArgument);

        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.Contains("コピーしました", copy.Out, StringComparison.Ordinal);
        await BackupData.AssertSameAsync(source, target, dir);

        await using var host = await WebHost.StartAsync(target.Target);
        using var editor = new HttpClient { BaseAddress = host.Address };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", data.EditorToken);
        int maxResponse;
        await using (var context = target.CreateContext())
        {
            maxResponse = await context.Responses.MaxAsync(r => r.Id);
        }

        var draft = await editor.PostAsJsonAsync($"/api/v1/findings/{Uri.EscapeDataString(data.FreeFinding)}/responses", new { status = "措置中", content = "移行後の下書き" });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var created = (await draft.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        Assert.True(created > maxResponse, $"new id {created} after {maxResponse}");
        using var signedIn = await StaffAccounts.SignedInClientAsync(host, "co");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/staff")).StatusCode);
        var verify = await CliRun.RunAsync("change-log", "verify", "--db", target.DbArgument);
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    [Fact]
    public async Task Db_copy_refuses_a_target_with_data_and_leaves_it_as_it_was()
    {
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await BackupData.FillAsync(source);
        await using var target = await TestDatabase.CreateAsync("postgres");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", target.DbArgument);
        var before = await BackupData.ChangeLogRowsAsync(target);

        var copy = await CliRun.RunAsync("db", "copy", "--to", target.DbArgument, "--db", source.DbArgument);

        Assert.Equal(1, copy.ExitCode);
        Assert.Contains("空ではありません", copy.Error, StringComparison.Ordinal);
        Assert.Equal(before, await BackupData.ChangeLogRowsAsync(target));
    }
}
