using System.Globalization;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Import.Fuzz;

/// <summary>
/// The documents the fuzz harness mutates (the demo samples, and the seed when KANSA_SEEDS or ../shared/seeds has it)
/// and the number of cases it runs: a fixed number in the normal test run, more through environment variables
/// for the longer run documented in docs/reliability.md.
/// </summary>
internal static class FuzzCorpus
{
    /// <summary>The demo samples, decoded: always in the repository.</summary>
    public static IReadOnlyList<string> Samples { get; } =
        [.. TestPaths.DemoSamples.Select(p => SourceText.Decode(File.ReadAllBytes(p)))];

    /// <summary>The seed publication, or null with the reason it is absent.</summary>
    public static (string? Text, string Reason) Seed =>
        File.Exists(TestPaths.SeedFile)
            ? (SourceText.Decode(File.ReadAllBytes(TestPaths.SeedFile)), "")
            : (null, $"the seed publication is not at {TestPaths.SeedFile} (set KANSA_SEEDS): fuzzing the demo samples only");

    /// <summary>Parser cases per test: KANSA_FUZZ_CASES, else a number that keeps the test run short.</summary>
    public static int ParserCases => Count("KANSA_FUZZ_CASES", 1000);

    /// <summary>Import cases on a real database per test: KANSA_FUZZ_IMPORT_CASES, else a few dozen.</summary>
    public static int ImportCases => Count("KANSA_FUZZ_IMPORT_CASES", 30);

    /// <summary>The CsCheck seed to replay a failure (printed when a case fails), or null for a new random run.</summary>
    public static string? ReplaySeed => Environment.GetEnvironmentVariable("KANSA_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    private static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
