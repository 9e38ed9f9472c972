namespace Kansa.Import;

/// <summary>A problem found in an input file, reported as FILE:LINE: message, or FILE:シート名!C12: message for a workbook.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line number (a workbook's row number); 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong, in Japanese.</param>
public sealed record ImportProblem(string File, int Line, string Message)
{
    /// <summary>The 0-based cell of the line (a workbook's column) the problem is in, when it is about one cell.</summary>
    public int? Column { get; init; }

    /// <summary>The workbook sheet the line is on; null for a text file.</summary>
    public string? Sheet { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Sheet is not null && Line > 0 ? $"{File}:{Sheet}!{ColumnName(Column ?? 0)}{Line}: {Message}"
        : Sheet is not null ? $"{File}:{Sheet}: {Message}"
        : Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";

    /// <summary>A spreadsheet's column letters for a 0-based index: 0 is A, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
