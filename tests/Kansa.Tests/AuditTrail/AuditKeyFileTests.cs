using Kansa.OpenData;
using Kansa.Tests.Reliability;
using Kansa.Tests.Support;

namespace Kansa.Tests.AuditTrail;

/// <summary>
/// The audit log's key file as the real program uses it: created beside the embedded database on the first write,
/// readable by its owner only, and a damaged key stops a command before it writes anything.
/// </summary>
public class AuditKeyFileTests
{
    /// <summary>The program without the test run's shared key, so that it uses its own default place.</summary>
    private static readonly Dictionary<string, string?> DefaultKey = new() { [AuditKeyForTests.Variable] = null };

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
        var (code, text) = await RunAsync(["audit-log", "verify", "--db", db]);
        Assert.True(code == 0, text);

        // Moved without its key, the log cannot be verified (and nothing pretends it can).
        File.Move(db + ".audit-key", dir.File("elsewhere.key"));
        var (moved, message) = await RunAsync(["audit-log", "verify", "--db", db]);
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
        Assert.Contains("city.db.audit-key: 監査ログの鍵ファイルとして読めません", text, StringComparison.Ordinal);
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
        Assert.True(await RunAsync(["audit-log", "verify", "--db", copy]) is (0, _));
        Assert.True(await RunAsync(["import", TestPaths.DemoSamples[1], "--db", copy]) is (0, _));
        var (after, report) = await RunAsync(["audit-log", "verify", "--db", copy]);
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
        Assert.Contains("別の監査ログの鍵", text, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(other + ".audit-key"), await File.ReadAllBytesAsync(target + ".audit-key"));
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        using var process = KansaProcess.Start(DefaultKey, args);
        Assert.True(await process.WaitAsync(TimeSpan.FromMinutes(2)), process.Output);
        return (process.ExitCode, process.Output);
    }
}
