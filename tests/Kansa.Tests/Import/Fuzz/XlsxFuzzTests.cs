using CsCheck;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Status;
using Kansa.Tests.Support;
using Kansa.Tests.Xlsx;
using Xunit.Abstractions;

namespace Kansa.Tests.Import.Fuzz;

/// <summary>
/// The workbook importer's fuzz harness (issue 7, "when xlsx exists"): report workbooks exported from the demo samples
/// (and the seed when present), changed cell by cell, row by row, sheet by sheet, inside the zip's XML and in the
/// zip's bytes, must be accepted as something Kansa can show or refused with problems that name their file (and sheet
/// and cell where there is one), never with an exception; a refused import leaves the database as it was.
/// KANSA_FUZZ_CASES and KANSA_FUZZ_IMPORT_CASES make the run long (docs/reliability.md).
/// </summary>
public sealed class XlsxFuzzTests(ITestOutputHelper output)
{
    private static readonly StatusReportParser Parser = new(StatusVocabulary.Default);

    private static Gen<(int Document, XlsxMutation[] Changes)> Cases(int documents) =>
        Gen.Select(Gen.Int[0, documents - 1], XlsxMutation.Gen.Array[1, 5]);

    [SkippableFact]
    public async Task The_workbook_reader_never_throws_on_mutated_workbooks()
    {
        var (corpus, db) = await CorpusAsync("sqlite");
        await db.DisposeAsync();
        using var dir = new TempDir();
        var (accepted, refused) = (0, 0);
        var cases = Math.Max(1, FuzzCorpus.ParserCases / 5);
        Cases(corpus.Count).Sample(
            void (int document, XlsxMutation[] changes) =>
            {
                var bytes = XlsxMutation.Apply(corpus[document], changes);

                // By content whatever the name: the extension must not decide how a file is read.
                var path = dir.File(changes[0].C % 2 == 0 ? "fuzz.xlsx" : "fuzz.dat");
                File.WriteAllBytes(path, bytes);
                var (report, problems) = Parser.ParseFileAsync(path, CancellationToken.None).GetAwaiter().GetResult();
                if (Holds(path, report, problems, WorkbookFile.IsWorkbook(path, bytes)))
                {
                    accepted++;
                }
                else
                {
                    refused++;
                }
            },
            seed: FuzzCorpus.ReplaySeed,
            iter: cases,
            threads: 1,
            print: c => Describe(c.Item1, c.Item2));
        output.WriteLine($"{cases} workbooks: {accepted} accepted, {refused} refused, 0 exceptions");
    }

    /// <summary>Cases the harness found, kept as regression tests: workbook of the corpus and changes.</summary>
    public static TheoryData<int, int, int, int, int> Found => new()
    {
        // A relationship target the XML change emptied: System.IO.Packaging threw ArgumentException "Part URI is empty".
        { 1, 10, 1014827, 654, 18740 },

        // A bit flipped in the zip's first signature: the file was read as text and refused with text problems.
        { 1, 11, 2, 2, 0 },
    };

    [Theory]
    [MemberData(nameof(Found))]
    public async Task A_case_the_harness_found_is_refused_without_an_exception(int document, int op, int a, int b, int c)
    {
        var (corpus, db) = await CorpusAsync("sqlite");
        await db.DisposeAsync();
        using var dir = new TempDir();
        var path = dir.File("found.dat");
        await File.WriteAllBytesAsync(path, XlsxMutation.Apply(corpus[document], [new XlsxMutation(op, a, b, c)]));

        var (report, problems) = await Parser.ParseFileAsync(path, CancellationToken.None);

        Assert.False(Holds(path, report, problems, workbook: true));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_mutated_workbook_import_is_accepted_and_shown_or_refused_with_nothing_written(string engine)
    {
        var (corpus, db) = await CorpusAsync(engine);
        await using var _ = db;
        using var dir = new TempDir();
        var expected = await DbFingerprint.TakeAsync(db);
        var (accepted, refused) = (0, 0);
        var cases = engine == "sqlite" ? FuzzCorpus.ImportCases : Math.Max(1, FuzzCorpus.ImportCases / 4);
        await Cases(corpus.Count).SampleAsync(
            async Task (int document, XlsxMutation[] changes) =>
            {
                var path = dir.File("fuzz.xlsx");
                await File.WriteAllBytesAsync(path, XlsxMutation.Apply(corpus[document], changes));
                var result = await XlsxFixtures.ImportAsync(db, path);
                if (result.Succeeded)
                {
                    accepted++;
                    expected = await DbFingerprint.TakeAsync(db);
                    foreach (var writer in ReportWriters.All)
                    {
                        await XlsxFixtures.ExportAsync(db, writer.Format);
                    }
                }
                else
                {
                    refused++;
                    Assert.All(result.Problems, p => AssertPlaced(path, p, workbook: true));
                    Assert.Equal(expected, await DbFingerprint.TakeAsync(db));
                }
            },
            seed: FuzzCorpus.ReplaySeed,
            iter: cases,
            threads: 1,
            print: c => Describe(c.Item1, c.Item2));
        output.WriteLine($"{engine}: {cases} workbooks, {accepted} imported, {refused} refused with nothing written");
    }

    /// <summary>The workbooks to mutate: the demo's (all audits, and each audit alone) and the seed's when present.</summary>
    private static async Task<(List<byte[]> Corpus, TestDatabase Db)> CorpusAsync(string engine)
    {
        var db = await XlsxFixtures.DemoAsync(engine);
        var corpus = new List<byte[]> { await XlsxFixtures.ExportAsync(db, "xlsx") };
        foreach (var key in new[] { "R4-包括外部監査", "R5-包括外部監査", "R6-定期監査" })
        {
            corpus.Add(await XlsxFixtures.ExportAsync(db, "xlsx", audit: key));
        }

        if (File.Exists(TestPaths.SeedFile))
        {
            await using var seed = await XlsxFixtures.SeedAsync();
            corpus.Add(await XlsxFixtures.ExportAsync(seed, "xlsx"));
        }

        return (corpus, db);
    }

    /// <summary>
    /// The property. A file whose zip signatures were all destroyed and whose name does not say xlsx is read as text,
    /// as the user's other files are: its problems then name lines.
    /// </summary>
    private static bool Holds(string path, ParsedReport? report, IReadOnlyList<ImportProblem> problems, bool workbook)
    {
        if (report is null)
        {
            Assert.NotEmpty(problems);
            Assert.All(problems, p => AssertPlaced(path, p, workbook));
            return false;
        }

        Assert.Empty(problems);
        Assert.All(report.Audits, a =>
        {
            Assert.InRange(a.FiscalYear, 1869, 2998);
            Assert.NotEmpty(a.AsOf.ToWareki());
            Assert.All(a.Rows, r => Assert.True(r.Line >= 1));
        });
        return true;
    }

    /// <summary>A problem names its file, and its sheet and row when it has them: FILE:シート!C12: … or FILE: ….</summary>
    private static void AssertPlaced(string path, ImportProblem p, bool workbook)
    {
        Assert.Equal(path, p.File);
        Assert.NotEmpty(p.Message);
        if (!workbook)
        {
            Assert.True(p.Sheet is null && p.Line >= 1, p.ToString());
            return;
        }

        Assert.True(p.Sheet is null ? p.Line == 0 : p.Line >= 1, p.ToString());
        Assert.StartsWith(p.Sheet is null ? $"{path}: " : $"{path}:{p.Sheet}!", p.ToString(), StringComparison.Ordinal);
    }

    private static string Describe(int document, XlsxMutation[] changes) =>
        $"workbook {document}, changes: " + string.Join(", ", changes.Select(c => $"{c} token={Mutation.Tokens[c.C % Mutation.Tokens.Length].Replace("\n", "\\n", StringComparison.Ordinal)}"));
}
