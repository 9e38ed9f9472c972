using Kansa.Import;
using Kansa.Status;

namespace Kansa.Tests.Import;

/// <summary>Runs the status-report parser on a document built in a test.</summary>
internal static class Parsing
{
    /// <summary>The name problems carry when a test parses text directly.</summary>
    public const string Source = "doc.txt";

    private static readonly StatusReportParser Parser = new(StatusVocabulary.Default);

    /// <summary>Parses text that must be accepted, and returns what it says.</summary>
    public static ParsedReport Accept(string text)
    {
        var (report, problems) = Parser.Parse(Source, text);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        return report!;
    }

    /// <summary>Parses a file that must be accepted, detecting its encoding.</summary>
    public static async Task<ParsedReport> AcceptFileAsync(string path)
    {
        var (report, problems) = await Parser.ParseFileAsync(path, CancellationToken.None);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        return report!;
    }

    /// <summary>Parses text that must be refused, and returns the problems as FILE:LINE: message.</summary>
    public static IReadOnlyList<string> Refuse(string text)
    {
        var (report, problems) = Parser.Parse(Source, text);
        Assert.Null(report);
        Assert.NotEmpty(problems);
        return [.. problems.Select(p => p.ToString())];
    }

    /// <summary>The one row of the one audit of a document.</summary>
    public static ParsedRow SingleRow(string text) => Assert.Single(Assert.Single(Accept(text).Audits).Rows);

    /// <summary>The 1-based number of the first line containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment, int occurrence = 1)
    {
        var lines = SourceText.SplitLines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"「{fragment}」 is not in the document");
    }
}
