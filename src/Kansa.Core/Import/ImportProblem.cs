namespace Kansa.Import;

/// <summary>A problem found in an input file, reported as FILE:LINE: message.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line number; 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong, in Japanese.</param>
public sealed record ImportProblem(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
