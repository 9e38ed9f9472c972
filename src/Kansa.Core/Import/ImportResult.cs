namespace Kansa.Import;

/// <summary>The outcome of an import or check: problems (nothing written), or what changed.</summary>
public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, ImportCounts Counts)
{
    /// <summary>Whether the files were accepted.</summary>
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>What an import added or changed.</summary>
public sealed record ImportCounts(int Audits, int AuditsCreated, int Findings, int FindingsCreated, int FindingsUpdated, int StatusRecordsAdded);

/// <summary>Progress of a long import.</summary>
/// <param name="File">The file being worked on.</param>
/// <param name="Done">Files finished so far.</param>
/// <param name="Total">Files in all.</param>
public sealed record ImportProgress(string File, int Done, int Total);
