using BenchmarkDotNet.Attributes;
using Kansa.Import;

namespace Kansa.Benchmarks;

/// <summary>
/// Importing into SQLite files as <c>kansa import</c> does (parse, then one transaction): the seed and
/// the ten-year corpus into a fresh database, and the next publication into a database holding ten years.
/// Every iteration starts from a copy of the same file; the copy is not measured.
/// </summary>
[ShortInProcessJob(singleInvocation: true)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string empty = "";
    private string tenYears = "";
    private string seed = "";
    private IReadOnlyList<string> corpus = [];
    private string newAudit = "";
    private string target = "";

    [GlobalSetup]
    public void Setup()
    {
        empty = BenchData.CreateEmpty("empty.db");
        tenYears = BenchData.Database("ten-years");
        seed = BenchData.SeedPath();
        corpus = BenchData.TenYearFiles();

        // The eleventh year: a new 包括外部監査 (令和6年度), first published 令和7年8月.
        newAudit = Path.Combine(BenchData.WorkDir, "next-year.txt");
        File.WriteAllText(newAudit, TenYears.Document([(TenYears.FirstFiscalYear + TenYears.Years, 0)], 1));
    }

    [IterationSetup(Targets = [nameof(ImportSeed), nameof(ImportTenYears)])]
    public void FreshEmpty() => target = BenchData.Copy(empty, "target.db");

    [IterationSetup(Targets = [nameof(ImportNewAuditIntoTenYears), nameof(ReimportLatestIntoTenYears)])]
    public void FreshTenYears() => target = BenchData.Copy(tenYears, "target.db");

    [IterationCleanup]
    public void Cleanup() => BenchData.Delete(target);

    [Benchmark(Description = "import seed into empty db")]
    public ImportCounts ImportSeed() => BenchData.Import(target, [seed]);

    [Benchmark(Description = "import 80 files (10 years) into empty db")]
    public ImportCounts ImportTenYears() => BenchData.Import(target, corpus);

    [Benchmark(Description = "import 1 new audit into 10-year db")]
    public ImportCounts ImportNewAuditIntoTenYears() => BenchData.Import(target, [newAudit]);

    [Benchmark(Description = "re-import latest file into 10-year db (no change)")]
    public ImportCounts ReimportLatestIntoTenYears() => BenchData.Import(target, [corpus[^1]]);
}
