namespace Kansa.Recurrence;

/// <summary>The version of the data every public page shows (the change log's tip): whatever it names was committed.</summary>
public interface IDataVersion
{
    /// <summary>The version as of a moment after the call began.</summary>
    Task<string> CurrentAsync(CancellationToken ct);
}

/// <summary>
/// The similarity index of every finding whose title is public, with what the finding pages and /themes derive from it.
/// Read-only once built, so any number of requests use it at once.
/// </summary>
public sealed class RecurrenceIndex
{
    private readonly Lazy<IReadOnlyList<RecurringTheme>> themes;

    /// <summary>Wraps a built index.</summary>
    public RecurrenceIndex(SimilarityIndex index, IReadOnlyDictionary<int, FindingRef> refs)
    {
        Index = index;
        Refs = refs;
        themes = new(() => LoadRecurrence.Themes(index, refs), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The TF-IDF index.</summary>
    public SimilarityIndex Index { get; }

    /// <summary>The findings indexed, by id.</summary>
    public IReadOnlyDictionary<int, FindingRef> Refs { get; }

    /// <summary>Every recurring theme, those over the most years first (computed once, on first use).</summary>
    public IReadOnlyList<RecurringTheme> Themes => themes.Value;
}

/// <summary>
/// Keeps the one <see cref="RecurrenceIndex"/> of the current data version, so that pages do not rebuild it from every
/// finding on each render. Any change anywhere (this instance, another one, the CLI) moves the version, and the next
/// request builds a new index; concurrent requests of one version share one build. A build that failed is not kept.
/// </summary>
public sealed class RecurrenceIndexCache
{
    private readonly Lock gate = new();
    private string? version;
    private Task<RecurrenceIndex>? built;

    /// <summary>How many times an index was built (for tests: the cache is the rule they check).</summary>
    public int Builds { get; private set; }

    /// <summary>The index of <paramref name="currentVersion"/>, built by <paramref name="build"/> when not yet.</summary>
    /// <remarks>The version must be read before the build reads the findings: the index is then never older than its key.</remarks>
    public Task<RecurrenceIndex> GetAsync(string currentVersion, Func<Task<RecurrenceIndex>> build)
    {
        lock (gate)
        {
            if (built is not null && version == currentVersion && !built.IsFaulted && !built.IsCanceled)
            {
                return built;
            }

            Builds++;
            version = currentVersion;
            built = build();
            return built;
        }
    }
}
