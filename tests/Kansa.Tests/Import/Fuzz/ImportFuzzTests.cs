using CsCheck;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kansa.Tests.Import.Fuzz;

/// <summary>
/// The importer's fuzz harness (issue 7, "Harnesses"): mutated status reports (byte flips, hostile characters,
/// digits, eras, dates and numbers at field positions, truncations, duplicated and removed lines, changed column
/// counts, CRLF, BOM, Shift_JIS and UTF-16) must be either accepted as something Kansa can show, or refused with
/// problems that name their line, and never throw. A refused import leaves the database byte for byte as it was.
/// The normal run is short; KANSA_FUZZ_CASES and KANSA_FUZZ_IMPORT_CASES make it long (docs/reliability.md).
/// </summary>
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    private const string Source = "fuzz.txt";

    private static readonly StatusReportParser Parser = new(StatusVocabulary.Default);

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A document of the corpus and the changes made to it.</summary>
    private static Gen<(int Document, Mutation[] Changes)> Cases(int documents) =>
        Gen.Select(Gen.Int[0, documents - 1], Mutation.Gen.Array[1, 6]);

    [Fact]
    public void The_parser_never_throws_on_mutated_demo_samples() => FuzzParser(FuzzCorpus.Samples);

    [SkippableFact]
    public void The_parser_never_throws_on_the_mutated_seed()
    {
        var (seed, reason) = FuzzCorpus.Seed;
        Skip.If(seed is null, reason);
        FuzzParser([seed!]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_mutated_import_is_accepted_and_shown_or_refused_with_nothing_written(string engine)
    {
        var (seed, reason) = FuzzCorpus.Seed;
        if (seed is null)
        {
            output.WriteLine(reason);
        }

        IReadOnlyList<string> corpus = seed is null ? FuzzCorpus.Samples : [seed, .. FuzzCorpus.Samples];
        await using var db = await TestDatabase.CreateAsync(engine);
        using var dir = new TempDir();
        string[] initial = seed is null ? [.. TestPaths.DemoSamples] : [TestPaths.SeedFile];
        await using (var context = db.CreateContext())
        {
            var first = await new ImportStatusReports(context, Time).RunAsync(initial, dryRun: false, null, CancellationToken.None);
            Assert.True(first.Succeeded, string.Join('\n', first.Problems));
        }

        var expected = await ExportAsync(db, new JsonReportWriter());
        var (refused, accepted) = (0, 0);

        // PostgreSQL is slower per case and shares the parser with SQLite: a few cases show that what the parser
        // lets through (NUL, long text, far months) is also stored there.
        var cases = engine == "sqlite" ? FuzzCorpus.ImportCases : Math.Max(1, FuzzCorpus.ImportCases / 4);
        await Cases(corpus.Count).SampleAsync(
            async Task (int document, Mutation[] changes) =>
            {
                var (_, bytes) = Mutation.Apply(corpus[document], changes);
                var path = dir.File(Source);
                await File.WriteAllBytesAsync(path, bytes);
                await using var context = db.CreateContext();
                var result = await new ImportStatusReports(context, Time).RunAsync([path], dryRun: false, null, CancellationToken.None);
                if (result.Succeeded)
                {
                    accepted++;

                    // What was stored can be shown in every format.
                    expected = await ExportAsync(db, new JsonReportWriter());
                    await ExportAsync(db, new TextReportWriter());
                    await ExportAsync(db, new CsvReportWriter());
                }
                else
                {
                    refused++;
                    Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.File == path && p.Message.Length > 0, p.ToString()));
                    Assert.Equal(expected, await ExportAsync(db, new JsonReportWriter()));
                }
            },
            seed: FuzzCorpus.ReplaySeed,
            iter: cases,
            threads: 1,
            print: c => Describe(corpus, c.Item1, c.Item2));
        output.WriteLine($"{engine}: {cases} cases, {accepted} imported, {refused} refused with nothing written");
    }

    private void FuzzParser(IReadOnlyList<string> corpus)
    {
        var (refused, accepted) = (0, 0);
        Cases(corpus.Count).Sample(
            void (int document, Mutation[] changes) =>
            {
                var (text, bytes) = Mutation.Apply(corpus[document], changes);

                // Through the file's bytes as a user gives them, and as text that may hold lone surrogates.
                foreach (var decoded in new[] { SourceText.Decode(bytes), text })
                {
                    if (Holds(decoded, Parser.Parse(Source, decoded)))
                    {
                        accepted++;
                    }
                    else
                    {
                        refused++;
                    }
                }
            },
            seed: FuzzCorpus.ReplaySeed,
            iter: FuzzCorpus.ParserCases,
            threads: 1,
            print: c => Describe(corpus, c.Item1, c.Item2));
        output.WriteLine($"{FuzzCorpus.ParserCases} cases ({accepted + refused} parses): {accepted} accepted, {refused} refused, 0 exceptions");
    }

    /// <summary>The property: refused with problems at lines of the file, or accepted as something Kansa can show.</summary>
    private static bool Holds(string text, (ParsedReport? Report, IReadOnlyList<ImportProblem> Problems) parsed)
    {
        var lines = SourceText.SplitLines(text).Length;
        if (parsed.Report is null)
        {
            Assert.NotEmpty(parsed.Problems);
            Assert.All(parsed.Problems, p =>
            {
                Assert.InRange(p.Line, 1, lines);
                Assert.StartsWith($"{Source}:{p.Line}: ", p.ToString(), StringComparison.Ordinal);
                Assert.NotEmpty(p.Message);
            });
            return false;
        }

        Assert.Empty(parsed.Problems);
        foreach (var audit in parsed.Report.Audits)
        {
            Assert.InRange(audit.FiscalYear, 1869, 2998);
            Showable(audit.AsOf);
            _ = FiscalYears.Label(audit.FiscalYear) + FiscalYears.ShortLabel(audit.FiscalYear);
            foreach (var row in audit.Rows)
            {
                Assert.InRange(row.Line, 1, lines);
                if (row.Published is { } published)
                {
                    Showable(published);
                }
            }
        }

        return true;
    }

    private static void Showable(YearMonth month)
    {
        Assert.InRange(month.Number, 186810, 299912);
        Assert.NotEmpty(month.ToWareki() + month.ToShortWareki());
    }

    private static async Task<string> ExportAsync(TestDatabase db, IReportWriter writer)
    {
        await using var context = db.CreateContext();
        var snapshot = await new LoadReportSnapshot(context, Time).RunAsync(null, null, CancellationToken.None);
        using var stream = new MemoryStream();
        await writer.WriteAsync(snapshot!, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Describe(IReadOnlyList<string> corpus, int document, Mutation[] changes) =>
        $"document {document} ({SourceText.SplitLines(corpus[document])[0..Math.Min(3, SourceText.SplitLines(corpus[document]).Length)].LastOrDefault()}), changes: "
        + string.Join(", ", changes.Select(c => $"{c} token={Mutation.Tokens[c.C % Mutation.Tokens.Length].Replace("\n", "\\n", StringComparison.Ordinal)}"));
}
