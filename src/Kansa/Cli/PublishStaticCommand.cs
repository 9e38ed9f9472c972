using System.CommandLine;
using Kansa.OpenData;
using Kansa.StaticSite;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa publish-static OUTDIR</c>: writes the public portal as a static site.</summary>
internal static class PublishStaticCommand
{
    public static Command Create(Option<string?> db, CliConsole console)
    {
        var outDir = new Argument<string>("OUTDIR") { Description = "書き出し先のフォルダ (空か、まだないもの)" };
        var force = new Option<bool>("--force") { Description = "書き出し先に中身があっても置き換える" };
        var dropBroken = new Option<bool>("--drop-broken") { Description = "取得できないページ (Chromium のない環境の PDF など) へのリンクを外して続ける (既定はエラーで終了)" };
        var command = new Command("publish-static", "公開ページ全体を静的なサイト (相対リンクのファイル) として書き出す") { outDir, force, dropBroken };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(outDir)!;
            if (Refusal(dir, parse.GetValue(force)) is { } refusal)
            {
                console.Error.WriteLine(refusal);
                return KansaCli.Problems;
            }

            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using (var context = await Databases.OpenAsync(target, console, migrateEmbedded: !target.IsMissingFile, ct))
            {
                if (context is null)
                {
                    return KansaCli.Problems;
                }
            }

            var result = await new PublishStaticSite(target, console.Error).RunAsync(dir, parse.GetValue(dropBroken), ct);
            foreach (var warning in result.Warnings)
            {
                console.Error.WriteLine($"警告: {warning}。このページへのリンクは外しました。");
            }

            if (result.Problems.Count > 0)
            {
                foreach (var problem in result.Problems)
                {
                    console.Error.WriteLine(problem);
                }

                console.Error.WriteLine($"{dir}: 上の問題のため、何も書き出していません。--drop-broken を付けると、取得できないページへのリンクを外して書き出します。");
                return KansaCli.Problems;
            }

            console.Error.WriteLine($"{dir} に静的なサイトを書き出しました ({result.Files} ファイル、{result.Bytes / 1024.0:F0} KB)。{Path.Combine(dir, "index.html")} から開けます。");
            return 0;
        });
        return command;
    }

    /// <summary>Why the folder may not be written to, or null.</summary>
    private static string? Refusal(string dir, bool force)
    {
        if (File.Exists(dir))
        {
            return $"{dir}: フォルダではなくファイルです。書き出し先には空のフォルダか、まだないフォルダを指定してください。";
        }

        if (!Directory.Exists(dir) || !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            return null;
        }

        if (!force)
        {
            return $"{dir}: フォルダが空ではありません。中身を置き換えるときは --force を付けてください (何も書き出していません)。";
        }

        // Even with --force, never the folder the command runs in, one above it, or the root: replacing it would delete the
        // very checkout or home folder the person is working in.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var here = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.CurrentDirectory));
        return full == Path.GetPathRoot(full) || here == full || here.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? $"{dir}: 作業中のフォルダかその上のフォルダは --force でも置き換えません。別のフォルダを指定してください。"
            : null;
    }
}
