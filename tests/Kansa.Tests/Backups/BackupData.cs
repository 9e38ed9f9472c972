using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Kansa.Accounts;
using Kansa.Backups;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Evidence;
using Kansa.Reminders;
using Kansa.Responses;
using Kansa.Rounds;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Backups;

/// <summary>
/// A source database with a row in every kind of table (registry, status history, departments renamed and merged into
/// a later one, accounts, a token, requests, responses with steps, evidence bytes, a round, a reminder, the change log),
/// and the comparison of two databases the way a city would check a move: exports, users, change log, evidence.
/// </summary>
internal static partial class BackupData
{
    /// <summary>The manifest's JSON (camelCase), as tests read and rewrite it.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What a test needs to use the data afterwards.</summary>
    public sealed record Source(string EditorToken, string FreeFinding, byte[] Evidence);

    public static async Task<Source> FillAsync(TestDatabase db)
    {
        var import = await CliRun.RunAsync(["import", .. TestPaths.DemoSamples, "--db", db.DbArgument]);
        Assert.True(import.ExitCode == 0, import.Error);
        var work = new WorkflowData(db);
        var finding = await work.FindingAsync("R7-指-1", "バックアップ課", "改行\nと \"引用\" と 😀 のある件名");
        await work.FindingAsync("R7-指-2", "バックアップ課");
        var request = await work.RequestAsync(finding, new DateOnly(2026, 3, 31));
        var response = await work.ResponseAsync(finding, request, ResponseStage.Returned, "差戻しの理由");
        var evidence = new byte[300_000];
        new Random(7).NextBytes(evidence); // incompressible, so that it fills most of the backup file
        await using (var context = db.CreateContext())
        {
            context.EvidenceFiles.Add(new EvidenceFile
            {
                ResponseId = response, FileName = "証拠.pdf", ContentType = "application/pdf", Size = evidence.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(evidence)), Content = evidence, UploadedBy = "user:ed",
                UploadedAt = DateTimeOffset.UnixEpoch.AddDays(3),
            });
            context.Rounds.Add(new PublicationRound { AsOf = new YearMonth(2025, 8), OpenedBy = "user:co", OpenedAt = DateTimeOffset.UnixEpoch.AddDays(4) });
            context.ReminderNotices.Add(new ReminderNotice { RequestId = request, Kind = "due-soon", DueDate = new DateOnly(2026, 3, 31), ClaimedAt = DateTimeOffset.UnixEpoch.AddDays(5), ClaimedBy = "host-a" });

            // Merged into a department created later: its row points forward in its own table.
            var early = new Department { Name = "統合元課" };
            context.Departments.Add(early);
            await context.SaveChangesAsync();
            var late = new Department { Name = "統合先課" };
            context.Departments.Add(late);
            await context.SaveChangesAsync();
            early.MergedIntoId = late.Id;
            early.MergedFrom = new YearMonth(2025, 4);
            await context.SaveChangesAsync();
            var rename = await CliRun.RunAsync("department", "rename", late.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "新統合先課", "--from", "2025-10", "--db", db.DbArgument);
            Assert.True(rename.ExitCode == 0, rename.Error);
        }

        await StaffAccounts.CreateUserAsync(db, "co", "coordinator");
        await StaffAccounts.CreateUserAsync(db, "ed", "editor", "バックアップ課");
        await using (var context = db.CreateContext())
        {
            var (_, secret) = await new ApiTokens(context, TimeProvider.System).CreateAsync("ed", "backup-test", CancellationToken.None);
            return new Source(secret!, "R7-指-2", evidence);
        }
    }

    /// <summary>Asserts that two databases hold the same data, as the city and the change log see it.</summary>
    public static async Task AssertSameAsync(TestDatabase expected, TestDatabase actual, TempDir dir)
    {
        // Every table, row by row: a fresh backup of each (exports below write to the change log, so first).
        var left = await ManifestAsync(expected, dir.File("left.zip"));
        var right = await ManifestAsync(actual, dir.File("right.zip"));
        Assert.Equal(left.Tables.Select(t => $"{t.Name} {t.Rows}"), right.Tables.Select(t => $"{t.Name} {t.Rows}"));
        foreach (var table in left.Tables)
        {
            Assert.Equal(Rows(dir.File("left.zip"), table.Name), Rows(dir.File("right.zip"), table.Name));
        }

        Assert.Equal(await ChangeLogRowsAsync(expected), await ChangeLogRowsAsync(actual));
        Assert.Equal(await EvidenceAsync(expected), await EvidenceAsync(actual));

        var verify = await CliRun.RunAsync("change-log", "verify", "--db", actual.DbArgument);
        Assert.True(verify.ExitCode == 0, verify.Error);
        foreach (var args in new[] { new[] { "user", "list" }, ["export", "--format", "json"], ["export", "--format", "csv"], ["export", "--format", "text"] })
        {
            var a = await CliRun.RunAsync([.. args, "--db", expected.DbArgument]);
            var b = await CliRun.RunAsync([.. args, "--db", actual.DbArgument]);
            Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.Error + b.Error);
            Assert.Equal(a.Out, b.Out);
        }
    }

    /// <summary>
    /// A table's rows as written in a backup, instants cut to the microsecond: SQLite keeps .NET's 100 ns ticks,
    /// PostgreSQL's timestamptz microseconds (the change log hashes milliseconds, so its chain is unaffected).
    /// </summary>
    private static string Rows(string backup, string table)
    {
        using var zip = ZipFile.OpenRead(backup);
        using var reader = new StreamReader(zip.GetEntry(BackupManifest.TableEntry(table))!.Open());
        return Instant().Replace(reader.ReadToEnd(), "$1");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})\d")]
    private static partial System.Text.RegularExpressions.Regex Instant();

    public static async Task<BackupManifest> ManifestAsync(TestDatabase db, string path)
    {
        var run = await CliRun.RunAsync("backup", path, "--db", db.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        return ReadManifest(path);
    }

    public static BackupManifest ReadManifest(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry(BackupManifest.EntryName)!.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream, Json)!;
    }

    public static async Task<List<string>> ChangeLogRowsAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var rows = await context.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        return rows.Select(e => string.Join('|', e.Id, e.Sequence, e.At.UtcDateTime.ToString("O"), e.Actor, e.Action, e.EntityType, e.EntityKey, e.Before, e.After, e.PreviousHash, e.Hash)).ToList();
    }

    private static async Task<List<string>> EvidenceAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var files = await context.EvidenceFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        return files.Select(f => $"{f.Id} {f.FileName} {f.Sha256} {Convert.ToHexStringLower(SHA256.HashData(f.Content))}").ToList();
    }
}
