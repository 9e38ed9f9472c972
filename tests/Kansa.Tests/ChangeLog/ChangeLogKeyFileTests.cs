using Kansa.OpenData;
using Kansa.Tests.Reliability;
using Kansa.Tests.Support;

namespace Kansa.Tests.ChangeLog;

/// <summary>
/// The change log's key file as the real program uses it: created beside the embedded database on the first write,
/// readable by its owner only, and a damaged key stops a command before it writes anything.
/// </summary>
public class ChangeLogKeyFileTests
{
    /// <summary>The program without the test run's shared key, so that it uses its own default place.</summary>
    private static readonly Dictionary<string, string?> DefaultKey = new() { [ChangeLogKeyForTests.Variable] = null };

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // Kansa runs on Debian; file modes are Unix-only.
    public async Task The_first_write_creates_the_key_beside_the_database_and_verify_uses_it()
    {
        using var dir = new TempDir();
        var db = dir.File("city.db");

        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", db]) is (0, _));
        Assert.True(File.Exists(db + ".audit-key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db + ".audit-key"));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", await File.ReadAllTextAsync(db + ".audit-key.pub"), StringComparison.Ordinal);
        var (code, text) = await RunAsync(["change-log", "verify", "--db", db]);
        Assert.True(code == 0, text);

        // Moved without its key, the log cannot be verified (and nothing pretends it can).
        File.Move(db + ".audit-key", dir.File("elsewhere.key"));
        var (moved, message) = await RunAsync(["change-log", "verify", "--db", db]);
        Assert.Equal(1, moved);
        Assert.Contains("鍵ファイルがありません", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_key_file_stops_the_import_before_it_writes()
    {
        using var dir = new TempDir();
        var db = dir.File("city.db");
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", db]) is (0, _));
        await File.WriteAllTextAsync(db + ".audit-key", "{\"Format\":\"kansa-audit-key/1\",\"Hmac\":\"!!\",\"Signing\":\"\"}");

        var (code, text) = await RunAsync(["import", TestPaths.DemoSamples[1], "--db", db]);

        Assert.Equal(1, code);
        Assert.Contains("city.db.audit-key: 操作記録の鍵ファイルとして読めません", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_copy_takes_the_key_along_so_that_the_copy_verifies()
    {
        using var dir = new TempDir();
        var db = dir.File("city.db");
        var copy = dir.File("moved/copy.db");
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", db]) is (0, _));

        var (code, text) = await RunAsync(["db", "copy", "--db", db, "--to", copy]);

        Assert.True(code == 0, text);
        Assert.Equal(await File.ReadAllBytesAsync(db + ".audit-key"), await File.ReadAllBytesAsync(copy + ".audit-key"));
        Assert.True(await RunAsync(["change-log", "verify", "--db", copy]) is (0, _));
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[1], "--db", copy]) is (0, _));
        var (after, report) = await RunAsync(["change-log", "verify", "--db", copy]);
        Assert.True(after == 0, report);
    }

    [Fact]
    public async Task Db_copy_refuses_a_target_that_holds_another_key_and_writes_nothing()
    {
        using var dir = new TempDir();
        var db = dir.File("city.db");
        var other = dir.File("other.db");
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", db]) is (0, _));
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", other]) is (0, _));
        var target = dir.File("target.db");
        File.Copy(other + ".audit-key", target + ".audit-key");

        var (code, text) = await RunAsync(["db", "copy", "--db", db, "--to", target]);

        Assert.Equal(1, code);
        Assert.Contains("別の操作記録の鍵", text, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(other + ".audit-key"), await File.ReadAllBytesAsync(target + ".audit-key"));
    }

    [Fact]
    public async Task An_installation_configured_with_the_earlier_setting_name_keeps_its_key()
    {
        using var dir = new TempDir();
        var db = dir.File("city.db");
        var key = dir.File("keys/city.key");
        var earlier = new Dictionary<string, string?> { [ChangeLogKeyForTests.Variable] = null, ["Kansa__AuditLog__KeyFile"] = key };

        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[0], "--db", db], earlier) is (0, _));

        Assert.True(File.Exists(key));
        Assert.False(File.Exists(db + ".audit-key"));
        var (code, text) = await RunAsync(["change-log", "verify", "--db", db], earlier);
        Assert.True(code == 0, text);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args, Dictionary<string, string?>? environment = null)
    {
        using var process = KansaProcess.Start(environment ?? DefaultKey, args);
        Assert.True(await process.WaitAsync(TimeSpan.FromMinutes(2)), process.Output);
        return (process.ExitCode, process.Output);
    }
}
