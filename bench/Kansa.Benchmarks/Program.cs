using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Kansa.Benchmarks;

// dotnet run -c Release --project bench/Kansa.Benchmarks -- --filter '*'     every benchmark
// dotnet run -c Release --project bench/Kansa.Benchmarks -- generate DIR     the ten-year corpus as files, for ./kansa import
if (args is ["generate", var folder])
{
    var files = TenYears.WriteCorpus(folder);
    File.WriteAllText(Path.Combine(folder, "large", "10-audits.txt").EnsureFolder(), TenYears.LargeDocument());
    Console.WriteLine($"{files.Count} files in {Path.GetFullPath(folder)}, and large/10-audits.txt (10 audits x 60 findings in one file)");
    return 0;
}

// dotnet run -c Release --project bench/Kansa.Benchmarks -- import-ratio DIR [--pg CONNECTION] [--runs N]
if (args is ["import-ratio", var dir, .. var rest])
{
    var pg = rest.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault();
    var runs = int.Parse(rest.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() ?? "3", System.Globalization.CultureInfo.InvariantCulture);
    return await ImportRatio.RunAsync(dir, pg, runs);
}

var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine(BenchData.RepoRoot, ".build", "benchmarks", "artifacts"))
    .AddDiagnoser(MemoryDiagnoser.Default)
    // On a shared machine the minimum is the least disturbed measurement; the mean is kept for comparison.
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
    .WithOptions(ConfigOptions.JoinSummary);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(TenYears).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

internal static class PathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
