using Kansa.OpenData;

namespace Kansa.Tests.Support;

/// <summary>Where the repository, the seed publication and the samples are.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Kansa.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The real publications kept beside the repository (../shared/seeds), or KANSA_SEEDS.</summary>
    public static string SeedsDirectory =>
        Environment.GetEnvironmentVariable("KANSA_SEEDS") is { Length: > 0 } dir ? dir : Path.Combine(RepoRoot, "..", "shared", "seeds");

    /// <summary>Sagamihara's status report, the seed.</summary>
    public static string SeedFile => Path.Combine(SeedsDirectory, "000_cdb7295acd5f6884.txt");

    /// <summary>Skips a test that needs the seed when this checkout has none beside it.</summary>
    public static void RequireSeed() =>
        Skip.IfNot(File.Exists(SeedFile), $"the seed publication is not at {SeedFile}");

    /// <summary>The demo samples.</summary>
    public static IReadOnlyList<string> DemoSamples =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot, "samples", "demo"), "*.txt").Order(StringComparer.Ordinal)];

    /// <summary>A file shipped with the tests.</summary>
    public static string Output(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kansa.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kansa.slnx not found above " + AppContext.BaseDirectory);
    }
}
