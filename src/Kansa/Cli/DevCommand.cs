using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kansa.Generator;

namespace Kansa.Cli;

/// <summary><c>kansa dev</c>: tools for developers and benchmarks, which never touch a database.</summary>
internal static class DevCommand
{
    public static Command Create(CliConsole console)
    {
        var generate = Generate(console);
        var dev = new Command("dev", "開発・性能測定用の道具 (データベースは使わない)") { generate };
        dev.SetAction(_ =>
        {
            console.Out.WriteLine("kansa dev のサブコマンド:");
            foreach (var sub in dev.Subcommands)
            {
                console.Out.WriteLine($"  {sub.Name,-10} {sub.Description}");
            }

            console.Out.WriteLine("使い方は ./kansa dev <サブコマンド> --help で表示します。");
            return 0;
        });
        return dev;
    }

    private static Command Generate(CliConsole console)
    {
        // Values are read as text so that a wrong one gets a Japanese message and exit code 2, like every usage error.
        Option<string?> Text(string name, string description, params string[] aliases) =>
            new(name, aliases) { Description = description, Arity = ArgumentArity.ZeroOrOne };
        var findings = Text("--findings", "作る指摘・意見の件数 (必須。1〜10,000,000)");
        var audits = Text("--audits", "監査の数 (既定: 指摘・意見 100 件に1つ)");
        var rounds = Text("--rounds", "監査ごとの対応状況の公表回数 (既定: 3。1〜12)");
        var seed = Text("--seed", "乱数の種 (既定: 1)。同じ指定からは同じバイトのファイルができる");
        var output = Text("--output", "出力先のフォルダ (必須。空か、まだないフォルダ)", "-o");
        var command = new Command("generate", "架空の市の対応状況のテキスト (./kansa import で読める形式) を作る")
        {
            findings, audits, rounds, seed, output,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) =>
        {
            var problems = new List<string>();
            problems.AddRange(parse.UnmatchedTokens.Select(t => $"「{t}」は generate の引数ではありません"));
            string? Value(Option<string?> option)
            {
                var value = parse.GetValue(option);
                if (parse.GetResult(option) is not null && value is null)
                {
                    problems.Add($"{option.Name} の値がありません");
                }

                return value;
            }

            var options = GeneratorOptions.Parse(Value(findings), Value(audits), Value(rounds), Value(seed));
            var directory = Value(output);
            problems.AddRange(options.Problems.Select(p => p.Message));
            if (directory is null && parse.GetResult(output) is null)
            {
                problems.Add("-o (出力先のフォルダ) を指定してください (例: -o data/generated)");
            }

            if (problems.Count > 0 || directory is null)
            {
                return Task.FromResult(Usage(console, problems));
            }

            var clock = Stopwatch.StartNew();
            var run = new GenerateStatusReports(options.Value!).Run(directory, new Progress(console), ct);
            if (!run.Succeeded)
            {
                return Task.FromResult(Usage(console, [.. run.Problems.Select(p => p.Message)]));
            }

            var r = run.Value!;
            var o = options.Value!;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{directory} に作りました: ファイル {r.Files.Count:N0} 件、対応状況 {r.Reports:N0} 件 (監査 {o.Audits:N0} 件 × {o.Rounds} 回)、指摘・意見 {r.Findings:N0} 件、{r.Bytes / 1048576.0:F1} MB、{clock.Elapsed.TotalSeconds:F1} 秒"));
            console.Out.WriteLine($"取り込むには: ./kansa import {Path.Combine(directory, "*.txt")}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static int Usage(CliConsole console, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"kansa dev generate: {problem}");
        }

        console.Error.WriteLine("使い方: ./kansa dev generate --findings N [--audits A] [--rounds R] [--seed S] -o DIR");
        return KansaCli.Usage;
    }

    /// <summary>One line per finished file, on the caller's thread.</summary>
    private sealed class Progress(CliConsole console) : IProgress<GeneratorProgress>
    {
        public void Report(GeneratorProgress value) =>
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.File} ({value.Bytes / 1024.0:N0} KB)"));
    }
}
