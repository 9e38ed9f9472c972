using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Kansa.Benchmarks;

/// <summary>
/// A short job (1 launch, 3 warm-up and 3 measured iterations), run inside the benchmark process:
/// the whole suite takes a few minutes on 2 cores. In-process also keeps BenchmarkDotNet's generated
/// project away from the repository's warnings-as-errors build settings.
/// </summary>
/// <remarks>
/// <paramref name="singleInvocation"/> is for benchmarks with an iteration setup (a fresh database file
/// per iteration): one invocation per iteration, so every import starts from the same file.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortInProcessJobAttribute(bool singleInvocation = false) : JobConfigBaseAttribute(Create(singleInvocation))
{
    /// <summary>Whether each iteration runs the benchmark once.</summary>
    public bool SingleInvocation { get; } = singleInvocation;

    private static Job Create(bool singleInvocation)
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId(singleInvocation ? "ShortRun-1x" : "ShortRun");
        return singleInvocation ? job.WithInvocationCount(1).WithUnrollFactor(1) : job;
    }
}
