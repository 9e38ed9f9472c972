using BenchmarkDotNet.Attributes;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Reports;
using Kansa.Status;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Benchmarks;

/// <summary>
/// What the public pages and exports do, each with a new context (one request): load the snapshot
/// (all audits: front page, /open-data and <c>kansa export</c>; one audit: its page) and write it.
/// "seed" is the seed alone (1 audit, 36 findings); "ten-years" holds 20 audits × 60 findings × 4 publications.
/// </summary>
[ShortInProcessJob]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly YearMonth PastMonth = new(2025, 1);
    private static readonly HashSet<string> Described = [];
    private readonly MemoryStream buffer = new();
    private string path = "";
    private string key = "";
    private ReportSnapshot all = null!;

    [Params("seed", "ten-years")]
    public string Data { get; set; } = "seed";

    [GlobalSetup]
    public void Setup()
    {
        path = BenchData.Database(Data);
        using var context = BenchData.Context(path);
        all = new LoadReportSnapshot(context, TimeProvider.System).RunAsync(null, null, CancellationToken.None).GetAwaiter().GetResult()!;
        key = all.Audits[0].Key;
        var expected = all.Audits.Sum(a => a.Findings.Count(f => f.State == StatusState.Done));
        var listed = new ListAudits(context, TimeProvider.System).RunAsync(1, CancellationToken.None).GetAwaiter().GetResult().Items.Sum(a => a.Done);
        if (listed != expected)
        {
            throw new InvalidOperationException($"the front page counts {listed} findings done, the snapshot {expected}");
        }

        if (!Described.Add(Data))
        {
            return;
        }

        Console.WriteLine($"// {Data}: {all.Audits.Count} audits, {all.Audits.Sum(a => a.Findings.Count)} findings, {new FileInfo(path).Length:N0} bytes; one audit: {key}");
        foreach (var writer in ReportWriters.All)
        {
            Console.WriteLine($"// {Data}: {writer.Format} of all audits = {Write(writer):N0} bytes");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => buffer.Dispose();

    [Benchmark(Description = "load snapshot, all audits (latest)")]
    public async Task<int> LoadAll()
    {
        await using var context = BenchData.Context(path);
        var snapshot = await new LoadReportSnapshot(context, TimeProvider.System).RunAsync(null, null, CancellationToken.None);
        return snapshot!.Audits.Count;
    }

    [Benchmark(Description = "load snapshot, all audits as of 2025-01")]
    public async Task<int> LoadAllAsOf()
    {
        await using var context = BenchData.Context(path);
        var snapshot = await new LoadReportSnapshot(context, TimeProvider.System).RunAsync(PastMonth, null, CancellationToken.None);
        return snapshot!.Audits.Count;
    }

    [Benchmark(Description = "front page list (ListAudits)")]
    public async Task<int> FrontPage()
    {
        await using var context = BenchData.Context(path);
        var items = await new ListAudits(context, TimeProvider.System).RunAsync(1, CancellationToken.None);
        return items.Items.Count;
    }

    [Benchmark(Description = "audit page data (one audit + its months)")]
    public async Task<int> AuditPage()
    {
        await using var context = BenchData.Context(path);
        var load = new LoadReportSnapshot(context, TimeProvider.System);
        var snapshot = await load.RunAsync(null, key, CancellationToken.None);
        var months = await load.MonthsAsync(key, CancellationToken.None);
        return snapshot!.Audits[0].Findings.Count + months.Count;
    }

    [Benchmark(Description = "write JSON, all audits")]
    public long WriteJson() => Write(ReportWriters.Find("json")!);

    [Benchmark(Description = "write text, all audits")]
    public long WriteText() => Write(ReportWriters.Find("text")!);

    [Benchmark(Description = "write CSV, all audits")]
    public long WriteCsv() => Write(ReportWriters.Find("csv")!);

    private long Write(IReportWriter writer)
    {
        buffer.SetLength(0);
        writer.WriteAsync(all, buffer, CancellationToken.None).GetAwaiter().GetResult();
        return buffer.Length;
    }
}
