using System.IO.Compression;
using System.Text.Json;
using Kansa.Backups;
using Kansa.OpenData;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.Backups;

/// <summary>Restores that must not happen: damaged files, a newer schema, a target with data, a row the target refuses.</summary>
public class BackupRefusalTests
{
    [Theory]
    [InlineData("truncated", "途中で切れています")]
    [InlineData("flipped", "壊れて")]
    [InlineData("edited-rows", "tables/Findings.jsonl: 中身が目録と一致しません")]
    [InlineData("newer-schema", "新しいデータベース構造")]
    [InlineData("not-a-zip", "zip として読めません")]
    public async Task A_damaged_or_newer_backup_is_refused_in_Japanese_and_the_target_keeps_its_data(string damage, string message)
    {
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await BackupData.FillAsync(source);
        var good = dir.File("good.zip");
        await BackupData.ManifestAsync(source, good);
        var bad = dir.File($"{damage}.zip");
        Damage(good, bad, damage);
        await using var target = await TestDatabase.CreateAsync("sqlite");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", target.DbArgument);
        var before = await CliRun.RunAsync("export", "--format", "json", "--db", target.DbArgument);
        var rows = await BackupData.ChangeLogRowsAsync(target);

        var restore = await CliRun.RunAsync("restore", bad, "--replace", "--db", target.DbArgument);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains($"{damage}.zip", restore.Error, StringComparison.Ordinal);
        Assert.Contains(message, restore.Error, StringComparison.Ordinal);
        Assert.Contains("変更していません", restore.Error, StringComparison.Ordinal);
        Assert.Equal(rows, (await BackupData.ChangeLogRowsAsync(target))[..rows.Count]);
        Assert.Equal(before.Out, (await CliRun.RunAsync("export", "--format", "json", "--db", target.DbArgument)).Out);
    }

    [Fact]
    public async Task A_target_with_data_is_replaced_only_with_replace()
    {
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await BackupData.FillAsync(source);
        await BackupData.ManifestAsync(source, dir.File("city.zip"));
        await using var target = await TestDatabase.CreateAsync("postgres");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", target.DbArgument);
        var rows = await BackupData.ChangeLogRowsAsync(target);

        var refused = await CliRun.RunAsync("restore", dir.File("city.zip"), "--db", target.DbArgument);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("空ではありません", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        Assert.Equal(rows, await BackupData.ChangeLogRowsAsync(target));

        var replaced = await CliRun.RunAsync("restore", dir.File("city.zip"), "--replace", "--db", target.DbArgument);
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        await BackupData.AssertSameAsync(source, target, dir);
    }

    [Fact]
    public async Task A_row_postgres_refuses_rolls_the_whole_restore_back()
    {
        // SQLite keeps NUL characters in text; PostgreSQL refuses them (22021) half-way through the rows.
        using var dir = new TempDir();
        await using var source = await TestDatabase.CreateAsync("sqlite");
        await BackupData.FillAsync(source);
        await using (var context = source.CreateContext())
        {
            await context.Database.ExecuteSqlAsync($"UPDATE \"Findings\" SET \"Title\" = {"NUL\u0000文字"} WHERE \"Number\" = 'R7-指-2'");
        }

        await BackupData.ManifestAsync(source, dir.File("city.zip"));
        await using var target = await TestDatabase.CreateAsync("postgres");
        await CliRun.RunAsync("import", TestPaths.DemoSamples[0], "--db", target.DbArgument);
        var before = await CliRun.RunAsync("export", "--format", "json", "--db", target.DbArgument);
        var rows = await BackupData.ChangeLogRowsAsync(target);

        var restore = await CliRun.RunAsync("restore", dir.File("city.zip"), "--replace", "--db", target.DbArgument);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("tables/Findings.jsonl:", restore.Error, StringComparison.Ordinal);
        Assert.Contains("受け付けません", restore.Error, StringComparison.Ordinal);
        Assert.Equal(rows, (await BackupData.ChangeLogRowsAsync(target))[..rows.Count]);
        Assert.Equal(before.Out, (await CliRun.RunAsync("export", "--format", "json", "--db", target.DbArgument)).Out);
    }

    private static void Damage(string good, string bad, string damage)
    {
        var bytes = File.ReadAllBytes(good);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                // Inside the evidence's compressed rows, which fill most of the file.
                for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
                {
                    bytes[i] ^= 0x5A;
                }

                File.WriteAllBytes(bad, bytes);
                break;
            case "not-a-zip":
                File.WriteAllText(bad, "これはバックアップではありません\n");
                break;
            default:
                File.Copy(good, bad);
                using (var zip = ZipFile.Open(bad, ZipArchiveMode.Update))
                {
                    if (damage == "edited-rows")
                    {
                        Rewrite(zip, BackupManifest.TableEntry("Findings"), text => text.Replace("R7-指-2 の件名", "書き換えた件名", StringComparison.Ordinal));
                    }
                    else
                    {
                        Rewrite(zip, BackupManifest.EntryName, text =>
                        {
                            var manifest = JsonSerializer.Deserialize<BackupManifest>(text, BackupData.Json)!;
                            return JsonSerializer.Serialize(manifest with { Migrations = [.. manifest.Migrations, "29991231235959_FromTheFuture"] }, BackupData.Json);
                        });
                    }
                }

                break;
        }
    }

    private static void Rewrite(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(change(text));
    }
}
