using BenchmarkDotNet.Attributes;
using Kansa.Import;
using Kansa.Status;

namespace Kansa.Benchmarks;

/// <summary>Parsing status-report text (no database): the seed, and ten audits × 60 findings in one file.</summary>
[ShortInProcessJob]
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static bool described;
    private readonly StatusReportParser parser = new(StatusVocabulary.Default);
    private string seed = "";
    private string large = "";

    [GlobalSetup]
    public void Setup()
    {
        seed = SourceText.Decode(File.ReadAllBytes(BenchData.SeedPath()));
        large = TenYears.LargeDocument();
        if (!described)
        {
            Describe("seed", seed);
            Describe("ten audits", large);
            described = true;
        }
    }

    [Benchmark(Description = "parse seed (14 rows, 36 findings)")]
    public ParsedReport? ParseSeed() => parser.Parse("seed.txt", seed).Report;

    [Benchmark(Description = "parse 10 audits x 60 findings")]
    public ParsedReport? ParseTenAudits() => parser.Parse("large.txt", large).Report;

    private void Describe(string name, string text)
    {
        var (report, problems) = parser.Parse(name, text);
        if (report is null)
        {
            throw new InvalidOperationException($"{name}: " + string.Join('\n', problems.Take(10)));
        }

        Console.WriteLine($"// {name}: {text.Length:N0} chars, {System.Text.Encoding.UTF8.GetByteCount(text):N0} bytes, " +
            $"{report.Audits.Count} audits, {report.Audits.Sum(a => a.Rows.Count)} rows, {report.Audits.Sum(a => a.Rows.Count + a.Inferred.Count)} findings");
    }
}
