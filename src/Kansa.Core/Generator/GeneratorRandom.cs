namespace Kansa.Generator;

/// <summary>
/// A small deterministic random source (SplitMix64). The generator's output must be byte-identical for the same
/// arguments on every machine and every .NET version, which <see cref="Random"/> does not promise; and each audit
/// and finding gets its own stream derived from the seed and its coordinates, so any round can rebuild a finding's
/// text without keeping it in memory.
/// </summary>
public struct GeneratorRandom
{
    private ulong state;

    private GeneratorRandom(ulong state) => this.state = state;

    /// <summary>A stream for the coordinates (seed, purpose, indices...): the same coordinates give the same stream.</summary>
    public static GeneratorRandom For(long seed, params ReadOnlySpan<long> coordinates)
    {
        var h = Mix(unchecked((ulong)seed) ^ 0x6A09E667F3BCC909UL);
        foreach (var c in coordinates)
        {
            h = Mix(h ^ unchecked((ulong)c) * 0x9E3779B97F4A7C15UL);
        }

        return new GeneratorRandom(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>A number in 0..<paramref name="bound"/>-1 (0 when the bound is 0 or less).</summary>
    public int Next(int bound) => bound <= 1 ? 0 : (int)((NextBits() >> 33) % (ulong)bound);

    /// <summary>A number in <paramref name="min"/>..<paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    /// <summary>True with the given probability in percent.</summary>
    public bool Percent(int percent) => Next(100) < percent;

    /// <summary>One element of the list.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
