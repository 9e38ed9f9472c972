using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Generator;

/// <summary>Runs <c>kansa dev generate</c> into a temporary folder and reads back what it wrote.</summary>
internal static class GeneratedFiles
{
    /// <summary>Generates into a new folder inside <paramref name="dir"/>; the run must succeed.</summary>
    public static async Task<string[]> GenerateAsync(TempDir dir, string name, params string[] args)
    {
        var output = dir.File(name);
        var run = await CliRun.RunAsync(["dev", "generate", .. args, "-o", output]);
        Assert.True(run.ExitCode == 0, run.Error);
        return Directory.GetFiles(output).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The files' names and bytes as one block, for comparing two runs or a golden file.</summary>
    public static byte[] Concatenate(IEnumerable<string> files)
    {
        using var all = new MemoryStream();
        foreach (var file in files)
        {
            var header = System.Text.Encoding.UTF8.GetBytes($"##### {Path.GetFileName(file)}\n");
            all.Write(header);
            all.Write(File.ReadAllBytes(file));
        }

        return all.ToArray();
    }

    /// <summary>
    /// The last summary table printed for each audit (by theme) across the files in name order: the latest round's.
    /// Values: 措置済, 未措置, 対応済, 未対応.
    /// </summary>
    public static Dictionary<string, int[]> LastSummaries(IEnumerable<string> files)
    {
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string? theme = null;
            int[]? current = null;
            foreach (var line in File.ReadLines(file))
            {
                var cells = line.Split('\t');
                if (line.StartsWith("テーマ「", StringComparison.Ordinal))
                {
                    theme = line["テーマ「".Length..^1];
                }
                else if (cells[0] == "措置済" && cells.Length == 4)
                {
                    current = [int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), 0, int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), 0];
                }
                else if (cells[0] == "未措置" && current is not null)
                {
                    (current[1], current[3]) = (int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
                    result[theme!] = current;
                    current = null;
                }
            }
        }

        return result;
    }
}
