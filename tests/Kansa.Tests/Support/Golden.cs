using Kansa.OpenData;

namespace Kansa.Tests.Support;

/// <summary>
/// Golden files: expected outputs kept in tests/Kansa.Tests/Golden. Set KANSA_UPDATE_GOLDEN=1 to rewrite
/// them after an intended change, then review the diff before committing.
/// </summary>
public static class Golden
{
    /// <summary>Compares bytes with the golden file of that name.</summary>
    public static void AssertMatches(string name, byte[] actual)
    {
        var source = Path.Combine(TestPaths.RepoRoot, "tests", "Kansa.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("KANSA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(source, actual);
            return;
        }

        Assert.True(File.Exists(source), $"golden file {name} is missing: run with KANSA_UPDATE_GOLDEN=1 once and review it");
        var expected = File.ReadAllBytes(source);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            // Text diff for a readable failure.
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
        }
    }
}
