using BenchmarkDotNet.Attributes;
using Kansa.Reports;

namespace Kansa.Benchmarks;

/// <summary>
/// The cost of a request's connection: the app opens SQLite with Pooling=false (DatabaseTarget), so
/// every request opens the file anew. Measured on the ten-year database, with and without pooling.
/// </summary>
[ShortInProcessJob]
[MemoryDiagnoser]
public class ConnectionBenchmarks
{
    private string path = "";

    [Params(false, true)]
    public bool Pooling { get; set; }

    [GlobalSetup]
    public void Setup() => path = BenchData.Database("ten-years");

    [Benchmark(Description = "new context + smallest query (vocabulary)")]
    public async Task<int> Vocabulary()
    {
        await using var context = BenchData.Context(path, Pooling);
        var vocabulary = await context.LoadVocabularyAsync(CancellationToken.None);
        return vocabulary.WordsFor(FindingCategory.Finding).Count();
    }

    [Benchmark(Description = "new context + one audit's snapshot")]
    public async Task<int> OneAudit()
    {
        await using var context = BenchData.Context(path, Pooling);
        var snapshot = await new LoadReportSnapshot(context, TimeProvider.System).RunAsync(null, "R5-包括外部監査", CancellationToken.None);
        return snapshot!.Audits[0].Findings.Count;
    }
}
