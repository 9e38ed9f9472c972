using System.Text.RegularExpressions;
using Kansa.ChangeLog;
using Kansa.OpenData;
using Kansa.Storage;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.ChangeLog;

/// <summary>
/// The change log's anchors (issue 7, item 6): lines sealed with a key kept outside the database, and signed
/// checkpoints an auditor keeps elsewhere. A cut tail, a rewritten and re-hashed line, or another key fail
/// <c>kansa change-log verify</c>; an intact log passes.
/// </summary>
public partial class ChangeLogAnchorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_intact_log_passes_with_its_checkpoints_also_after_later_writes(string engine)
    {
        await using var db = await ImportedAsync(engine);
        using var dir = new TempDir();
        var first = await CheckpointAsync(db, dir.File("first.json"));
        await CliRun.RunAsync("import", TestPaths.DemoSamples[^1], "--db", db.DbArgument);
        var second = await CheckpointAsync(db, dir.File("second.json"));

        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", first, "--checkpoint", second);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("チェックポイント 2 件と一致", run.Out, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.All(await context.ChangeEntries.Select(e => e.Hash).ToListAsync(), h => Assert.StartsWith("h1:" + db.AuditKey!.Id + ":", h, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Deleting_the_newest_lines_or_all_of_them_fails_against_a_checkpoint(string engine)
    {
        await using var db = await ImportedAsync(engine);
        using var dir = new TempDir();
        var checkpoint = await CheckpointAsync(db, dir.File("cp.json"));
        var head = await HeadAsync(db);

        await using (var context = db.CreateContext())
        {
            await context.ChangeEntries.Where(e => e.Sequence > head - 5).ExecuteDeleteAsync();
        }

        // The keyed chain alone cannot see a cut tail (what is left is still a valid chain): the checkpoint does.
        Assert.Equal(0, (await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument)).ExitCode);
        var cut = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains($"{head} 番までの記録がありますが、操作記録は {head - 5} 番までしかありません", cut.Error, StringComparison.Ordinal);

        await using (var context = db.CreateContext())
        {
            await context.ChangeEntries.ExecuteDeleteAsync();
        }

        var emptied = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint);
        Assert.Equal(1, emptied.ExitCode);
        Assert.Contains("操作記録は 0 番までしかありません", emptied.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rewriting_line_50_and_rehashing_every_later_one_without_the_key_fails(string engine)
    {
        await using var db = await ImportedAsync(engine);

        // Re-hashed as before the key (plain SHA-256), and sealed under a key of the attacker's own.
        await RewriteAsync(db, 50, null);
        var plain = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains("50 番の記録に鍵の封印がありません", plain.Error, StringComparison.Ordinal);

        var other = ChangeLogKey.Generate();
        await RewriteAsync(db, 50, other);
        var forged = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains($"50 番の記録は別の鍵 ({other.Id}) で封印されています", forged.Error, StringComparison.Ordinal);

        // Claiming the real key's id does not help without the real key.
        await RewriteAsync(db, 50, other, claimId: db.AuditKey!.Id);
        var claimed = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.Equal(1, claimed.ExitCode);
        Assert.Contains("50 番の記録が書き換えられています (鍵による封印が合いません)", claimed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rewriting_and_resealing_with_the_key_itself_fails_against_an_earlier_checkpoint(string engine)
    {
        await using var db = await ImportedAsync(engine);
        using var dir = new TempDir();
        var checkpoint = await CheckpointAsync(db, dir.File("cp.json"));

        // Someone holding the database and the key re-seals the chain: only a checkpoint kept elsewhere shows it.
        await RewriteAsync(db, 50, db.AuditKey!);
        Assert.Equal(0, (await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument)).ExitCode);
        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("がチェックポイント", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Another_key_fails_the_chain_and_the_checkpoint(string engine)
    {
        await using var db = await ImportedAsync(engine);
        using var dir = new TempDir();
        var checkpoint = await CheckpointAsync(db, dir.File("cp.json"));
        await using var context = db.CreateContext();
        var entries = await context.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();

        Assert.Null(ChangeChain.Verify(entries, db.AuditKey).Problem);
        var wrong = ChangeLogKey.Generate();
        Assert.StartsWith("1 番の記録は別の鍵", ChangeChain.Verify(entries, wrong).Problem, StringComparison.Ordinal);
        Assert.StartsWith("1 番の記録は鍵", ChangeChain.Verify(entries, null).Problem, StringComparison.Ordinal);

        await File.WriteAllTextAsync(dir.File("wrong.pem"), wrong.PublicKeyPem);
        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint, "--public-key", dir.File("wrong.pem"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("チェックポイントの署名が正しくありません", run.Error, StringComparison.Ordinal);

        // The auditor's own copy of the public key is enough to check the checkpoint.
        var exported = await CliRun.RunAsync("change-log", "public-key", "--db", db.DbArgument, "-o", dir.File("right.pem"));
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint, "--public-key", dir.File("right.pem"))).ExitCode);
    }

    [Fact]
    public async Task A_checkpoint_whose_head_was_changed_fails_its_signature()
    {
        await using var db = await ImportedAsync("sqlite");
        using var dir = new TempDir();
        var checkpoint = await CheckpointAsync(db, dir.File("cp.json"));
        var head = await HeadAsync(db);
        await File.WriteAllTextAsync(checkpoint, (await File.ReadAllTextAsync(checkpoint)).Replace($"\"sequence\": {head},", $"\"sequence\": {head - 3},", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument, "--checkpoint", checkpoint);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cp.json: チェックポイントの署名が正しくありません", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Lines_from_before_the_key_stay_verifiable_as_legacy_but_never_after_a_sealed_line(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using (var raw = Unsealed(db))
        {
            var previous = "";
            for (var i = 1; i <= 3; i++)
            {
                var line = new ChangeEntry { Sequence = i, At = DateTimeOffset.UnixEpoch.AddDays(i), Actor = "cli:old", Action = "login", PreviousHash = previous };
                line.Hash = ChangeChain.LegacyHashOf(line);
                previous = line.Hash;
                raw.ChangeEntries.Add(line);
            }

            await raw.SaveChangesAsync();
        }

        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db.DbArgument);
        var run = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1〜3 番の 3 件は鍵を使う前の形式です", run.Error, StringComparison.Ordinal);

        // A plain line after sealed ones is a forgery, however well it is hashed.
        var head = await HeadAsync(db);
        await using (var raw = Unsealed(db))
        {
            var last = await raw.ChangeEntries.SingleAsync(e => e.Sequence == head);
            var line = new ChangeEntry { Sequence = head + 1, At = DateTimeOffset.UnixEpoch, Actor = "cli:x", Action = "login", PreviousHash = last.Hash };
            line.Hash = ChangeChain.LegacyHashOf(line);
            raw.ChangeEntries.Add(line);
            await raw.SaveChangesAsync();
        }

        var forged = await CliRun.RunAsync("change-log", "verify", "--db", db.DbArgument);
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains($"{head + 1} 番の記録に鍵の封印がありません", forged.Error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // Kansa runs on Debian; file modes are Unix-only.
    public void The_key_file_is_beside_the_embedded_database_by_default_and_readable_by_its_owner_only()
    {
        using var dir = new TempDir();
        var target = DatabaseTarget.Resolve(dir.File("city.db"));
        Assert.Equal(dir.File("city.db") + ".audit-key", DatabaseTarget.DefaultChangeLogKeyPath(target, null));

        var path = Path.Combine(dir.File("keys"), "a.audit-key");
        var key = ChangeLogKey.LoadOrCreate(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(key.Id, ChangeLogKey.LoadOrCreate(path).Id);
        Assert.Equal(key.PublicKeyPem.Trim(), File.ReadAllText(path + ".pub").Trim());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Recorded_values_carry_the_ids_the_database_assigned_never_temporary_ones(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var data = new WorkflowData(db);
        var finding = await data.FindingAsync("R7-指-1", "DX推進課");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db.DbArgument);

        await using var context = db.CreateContext();
        var lines = await context.ChangeEntries.AsNoTracking().Where(e => e.Action == "create").ToListAsync();
        Assert.True(lines.Count > 20);
        Assert.DoesNotContain(lines, e => TemporaryId().IsMatch(e.After ?? "") || TemporaryId().IsMatch(e.Before ?? ""));

        // The new finding's own line and its department link (created in the same save) name the real id.
        Assert.Contains(lines, e => e.EntityType == "Finding" && e.After!.Contains($"\"Id\":{finding},", StringComparison.Ordinal));
        Assert.Contains(lines, e => e.EntityType == "FindingDepartment" && e.After!.Contains($"\"FindingId\":{finding}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@":-\d{4,}")]
    private static partial Regex TemporaryId();

    private static async Task<TestDatabase> ImportedAsync(string engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        var run = await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", db.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);

        // Logins and exports between the import and the checks, so that line 50 is well inside the chain.
        for (var i = 0; i < 60; i++)
        {
            await using var context = db.CreateContext();
            await new ChangeLogWriter(context, new FixedActor("user:u" + i), TimeProvider.System).RecordAsync(i % 2 == 0 ? "login" : "export", "User", "u" + i, new { i }, CancellationToken.None);
        }

        Assert.True(await HeadAsync(db) > 60, $"{await HeadAsync(db)} lines");
        return db;
    }

    private static async Task<string> CheckpointAsync(TestDatabase db, string file)
    {
        var run = await CliRun.RunAsync("change-log", "checkpoint", "--db", db.DbArgument, "-o", file);
        Assert.True(run.ExitCode == 0, run.Error);
        return file;
    }

    private static async Task<long> HeadAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.ChangeEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    /// <summary>What someone with write access to the database does: change a line and re-hash all later ones.</summary>
    private static async Task RewriteAsync(TestDatabase db, long at, ChangeLogKey? key, string? claimId = null)
    {
        await using var context = Unsealed(db);
        var lines = await context.ChangeEntries.OrderBy(e => e.Sequence).ToListAsync();
        lines[(int)at - 1].After = "{\"Title\":\"書き換え\"}";
        for (var i = (int)at - 1; i < lines.Count; i++)
        {
            var previous = lines[i - 1];
            if (key is null)
            {
                lines[i].PreviousHash = previous.Hash;
                lines[i].Hash = ChangeChain.LegacyHashOf(lines[i]);
            }
            else
            {
                ChangeChain.Seal(lines[i], previous.Sequence, previous.Hash, key);
                if (claimId is not null)
                {
                    lines[i].Hash = lines[i].Hash.Replace(key.Id, claimId, StringComparison.Ordinal);
                }
            }
        }

        await context.SaveChangesAsync();
    }

    /// <summary>A context without Kansa's audit interceptor, as a plain SQL client would write.</summary>
    private static KansaDbContext Unsealed(TestDatabase db)
    {
        var options = new DbContextOptionsBuilder<KansaDbContext>();
        if (db.Target.Engine == DatabaseEngine.Sqlite)
        {
            options.UseSqlite(db.Target.ConnectionString);
        }
        else
        {
            options.UseNpgsql(db.Target.ConnectionString);
        }

        return new KansaDbContext(options.Options);
    }
}
