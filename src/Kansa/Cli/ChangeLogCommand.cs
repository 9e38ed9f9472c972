using System.CommandLine;
using Kansa.ChangeLog;
using Kansa.OpenData;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Cli;

/// <summary>
/// <c>kansa change-log verify|checkpoint|public-key</c>: checks the keyed chain of the change log and the signed
/// checkpoints an auditor kept, and writes such checkpoints.
/// </summary>
internal static class ChangeLogCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var checkpoints = new Option<string[]>("--checkpoint", "-c")
        {
            Description = "以前に書き出したチェックポイントのファイル (複数可)。操作記録がその時点の記録をすべて含むことも確かめる",
            AllowMultipleArgumentsPerToken = true,
        };
        var publicKey = new Option<string?>("--public-key") { Description = "チェックポイントの署名をこの公開鍵 (PEM) で確かめる (既定: 鍵ファイルの鍵)" };
        var verify = new Command("verify", "操作記録の鍵付きハッシュの連鎖とチェックポイントを検証する (改ざん・欠落があれば終了コード 1)") { checkpoints, publicKey };
        verify.SetAction(async (parse, ct) =>
            await VerifyAsync(DatabaseTarget.Resolve(parse.GetValue(db)), parse.GetValue(checkpoints) ?? [], parse.GetValue(publicKey), console, ct));

        var output = new Option<string?>("--output", "-o") { Description = "書き出すファイル (既定: 標準出力)" };
        var checkpoint = new Command("checkpoint", "操作記録の現在の末尾を署名したチェックポイントを書き出す (外部の監査人が別の場所に保管する)") { output };
        checkpoint.SetAction(async (parse, ct) =>
            await CheckpointAsync(DatabaseTarget.Resolve(parse.GetValue(db)), parse.GetValue(output), console, ct));

        var keyOutput = new Option<string?>("--output", "-o") { Description = "書き出すファイル (既定: 標準出力)" };
        var exportKey = new Command("public-key", "チェックポイントを確かめるための公開鍵 (PEM) を書き出す") { keyOutput };
        exportKey.SetAction(parse =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            if (Key(target, console) is not { } key)
            {
                return KansaCli.Problems;
            }

            Write(parse.GetValue(keyOutput), key.PublicKeyPem + "\n", console);
            return 0;
        });
        return new Command("change-log", "操作記録") { verify, checkpoint, exportKey };
    }

    private static async Task<int> VerifyAsync(DatabaseTarget target, string[] files, string? publicKeyFile, CliConsole console, CancellationToken ct)
    {
        var read = new List<ChangeLogCheckpoint>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                console.Error.WriteLine($"{file}: チェックポイントのファイルがありません");
                return KansaCli.Problems;
            }

            var (checkpoint, problem) = ChangeLogCheckpoint.Parse(await File.ReadAllTextAsync(file, ct), file);
            if (checkpoint is null)
            {
                console.Error.WriteLine(problem);
                return KansaCli.Problems;
            }

            read.Add(checkpoint);
        }

        ChangeLogKey? key;
        try
        {
            key = new ChangeLogKeyFile(target.ChangeLogKeyPath).Find();
        }
        catch (InvalidDataException e)
        {
            console.Error.WriteLine($"操作記録の検証に失敗しました: {e.Message}");
            return KansaCli.Problems;
        }

        if (read.Count > 0 && !SignaturesHold(read, files, key, publicKeyFile, console))
        {
            return KansaCli.Problems;
        }

        await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: false, ct);
        if (context is null)
        {
            return KansaCli.Problems;
        }

        var entries = await context.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var report = ChangeChain.Verify(entries, key, read);
        if (report.Problem is { } broken)
        {
            console.Error.WriteLine($"操作記録の検証に失敗しました: {broken}");
            return KansaCli.Problems;
        }

        console.Out.WriteLine($"操作記録は連続しており、改ざんはありません ({entries.Count} 件、鍵 {key?.Id ?? "なし"}、チェックポイント {read.Count} 件と一致)。");
        if (report.Legacy > 0)
        {
            console.Error.WriteLine($"注意: 1〜{report.Legacy} 番の {report.Legacy} 件は鍵を使う前の形式です。これらはその後の鍵付きの記録とチェックポイントでだけ守られます。");
        }

        return 0;
    }

    private static bool SignaturesHold(List<ChangeLogCheckpoint> read, string[] files, ChangeLogKey? key, string? publicKeyFile, CliConsole console)
    {
        byte[] trusted;
        if (publicKeyFile is not null)
        {
            try
            {
                using var ecdsa = System.Security.Cryptography.ECDsa.Create();
                ecdsa.ImportFromPem(File.ReadAllText(publicKeyFile));
                trusted = ecdsa.ExportSubjectPublicKeyInfo();
            }
            catch (Exception e) when (e is IOException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                console.Error.WriteLine($"--public-key: {publicKeyFile}: 公開鍵 (PEM) として読めません");
                return false;
            }
        }
        else if (key is not null)
        {
            trusted = key.PublicKey;
        }
        else
        {
            console.Error.WriteLine("操作記録の鍵ファイルがないため、チェックポイントの署名を確かめられません (--public-key で公開鍵を指定できます)");
            return false;
        }

        for (var i = 0; i < read.Count; i++)
        {
            if (!read[i].IsSignedBy(trusted))
            {
                console.Error.WriteLine($"{files[i]}: チェックポイントの署名が正しくありません (鍵 {read[i].KeyId}、確かめた鍵 {ChangeLogKey.IdOf(trusted)})");
                return false;
            }
        }

        return true;
    }

    private static async Task<int> CheckpointAsync(DatabaseTarget target, string? output, CliConsole console, CancellationToken ct)
    {
        await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: false, ct);
        if (context is null || Key(target, console, create: true) is not { } key)
        {
            return KansaCli.Problems;
        }

        // Only an intact chain is worth signing: a checkpoint of a broken one would bless the break.
        var entries = await context.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var report = ChangeChain.Verify(entries, key);
        if (report.Problem is { } broken)
        {
            console.Error.WriteLine($"操作記録が壊れているため、チェックポイントを書き出しません: {broken}");
            return KansaCli.Problems;
        }

        var checkpoint = ChangeLogCheckpoint.Create(report.Head, report.HeadHash, entries.Count, TimeProvider.System.GetUtcNow(), key);
        Write(output, checkpoint.ToJson() + "\n", console);
        console.Error.WriteLine($"チェックポイント: {report.Head} 番まで ({entries.Count} 件)、署名の鍵 {key.Id} (公開鍵: {target.ChangeLogKeyPath}.pub)。別の場所に保管し、kansa change-log verify --checkpoint FILE で確かめてください。");
        return 0;
    }

    private static ChangeLogKey? Key(DatabaseTarget target, CliConsole console, bool create = false)
    {
        try
        {
            var file = new ChangeLogKeyFile(target.ChangeLogKeyPath);
            if ((create ? file.GetOrCreate() : file.Find()) is { } key)
            {
                return key;
            }

            console.Error.WriteLine($"{target.ChangeLogKeyPath}: 操作記録の鍵ファイルがありません");
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{target.ChangeLogKeyPath}: 操作記録の鍵ファイルを読めません: {e.Message}");
            return null;
        }
    }

    private static void Write(string? output, string text, CliConsole console)
    {
        if (output is null)
        {
            console.Out.Write(text);
        }
        else
        {
            File.WriteAllText(output, text);
        }
    }
}
