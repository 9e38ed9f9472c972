using System.Globalization;
using System.Text;

namespace Kansa.Generator;

/// <summary>What a generation wrote.</summary>
/// <param name="Files">The files, in the order to import them.</param>
/// <param name="Reports">Status reports written (one per audit and round).</param>
/// <param name="Findings">Findings the reports describe in all.</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record GeneratorResult(IReadOnlyList<string> Files, long Reports, long Findings, long Bytes);

/// <summary>Progress of a generation: the file just finished.</summary>
/// <param name="File">Its path.</param>
/// <param name="Bytes">Its size.</param>
public sealed record GeneratorProgress(string File, long Bytes);

/// <summary>
/// <c>kansa dev generate</c>: writes status reports of invented audits in the city's text format, exactly what the
/// importer reads, deterministic for the options (same options, same bytes). The files are one per as-of month,
/// split into parts of about <see cref="PartBytes"/> (an audit's report is never split), named so that the name
/// order is the order of history: <c>2024-08_0001.txt</c>.
/// </summary>
public sealed class GenerateStatusReports(GeneratorOptions options)
{
    private readonly long partBytes = PartBytes;

    /// <summary>A generator with another part size (tests make parts small to see them split).</summary>
    internal GenerateStatusReports(GeneratorOptions options, long partBytes)
        : this(options) => this.partBytes = partBytes;

    /// <summary>The size after which the next audit's report goes to a new part.</summary>
    public const long PartBytes = 4L << 20;

    /// <summary>Writes the reports into <paramref name="directory"/>, which must be empty or not yet exist.</summary>
    public Outcome<GeneratorResult> Run(string directory, IProgress<GeneratorProgress>? progress, CancellationToken ct)
    {
        if (File.Exists(directory))
        {
            return Outcome<GeneratorResult>.Invalid("-o", $"-o「{directory}」はファイルです。出力先のフォルダを指定してください");
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            // Files left from another run would be imported with these and mix two data sets.
            return Outcome<GeneratorResult>.Invalid("-o", $"出力先のフォルダ「{directory}」は空ではありません。空のフォルダか、まだないフォルダを指定してください");
        }

        Directory.CreateDirectory(directory);

        // Only each audit's first month and step are kept (8 bytes an audit); everything else is recomputed when written.
        var firsts = new int[options.Audits];
        var steps = new byte[options.Audits];
        int earliest = int.MaxValue, latest = 0;
        for (var a = 0; a < options.Audits; a++)
        {
            var plan = AuditPlan.Create(options, a);
            (firsts[a], steps[a]) = (plan.FirstRound, (byte)plan.Step);
            earliest = Math.Min(earliest, plan.FirstRound);
            latest = Math.Max(latest, plan.MonthOf(plan.Rounds));
        }

        var files = new List<string>();
        long reports = 0, bytes = 0;
        var composer = new StatusReportComposer(options.Seed);
        for (var month = earliest; month <= latest; month++)
        {
            var part = 0;
            Part? current = null;
            for (var a = 0; a < options.Audits; a++)
            {
                var since = month - firsts[a];
                if (since < 0 || since % steps[a] != 0 || since / steps[a] >= options.Rounds)
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                if (current is null)
                {
                    current = new Part(Path.Combine(directory, FileName(month, ++part)));
                    composer.StartFile();
                }

                composer.Write(current.Writer, AuditPlan.Create(options, a), since / steps[a] + 1);
                reports++;
                current.Writer.Flush();
                if (current.Stream.Position >= partBytes)
                {
                    bytes += Close(current, files, progress);
                    current = null;
                }
            }

            if (current is not null)
            {
                bytes += Close(current, files, progress);
            }
        }

        return Outcome<GeneratorResult>.Ok(new GeneratorResult(files, reports, options.Findings, bytes));
    }

    private static string FileName(int month, int part)
    {
        var m = AuditPlan.ToYearMonth(month);
        return string.Create(CultureInfo.InvariantCulture, $"{m.Year:D4}-{m.Month:D2}_{part:D4}.txt");
    }

    private static long Close(Part part, List<string> files, IProgress<GeneratorProgress>? progress)
    {
        var size = part.Stream.Position;
        part.Writer.Dispose();
        files.Add(part.Path);
        progress?.Report(new GeneratorProgress(part.Path, size));
        return size;
    }

    /// <summary>One file being written: UTF-8 without BOM and LF line ends, as Kansa's own text export.</summary>
    private sealed class Part
    {
        public Part(string path)
        {
            Path = path;
            Stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            Writer = new StreamWriter(Stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }

        public string Path { get; }

        public FileStream Stream { get; }

        public StreamWriter Writer { get; }
    }
}
