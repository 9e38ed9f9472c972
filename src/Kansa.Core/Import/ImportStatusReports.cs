using Kansa.Search;
using Kansa.Audits;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Import;

/// <summary>
/// Imports status-report files: parses them all, then writes every audit, finding and new status
/// in one transaction. Re-importing a file changes nothing; an older snapshot never undoes a newer status.
/// </summary>
public sealed class ImportStatusReports(KansaDbContext db, TimeProvider time)
{
    /// <summary>Imports (or, with <paramref name="dryRun"/>, only checks) the files.</summary>
    public async Task<ImportResult> RunAsync(IReadOnlyList<string> files, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var vocabulary = await db.LoadVocabularyAsync(ct);
        var parser = new StatusReportParser(vocabulary);
        var reports = new List<ParsedReport>();
        var problems = new List<ImportProblem>();
        // Each file parses on its own, so they are read in parallel (a core each), and reported and used in the given order.
        using var cores = new SemaphoreSlim(Environment.ProcessorCount);
        var parsing = files.Select(file => Task.Run(
            async () =>
            {
                await cores.WaitAsync(ct);
                try
                {
                    return await parser.ParseFileAsync(file, ct);
                }
                finally
                {
                    cores.Release();
                }
            }, ct)).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Report(new ImportProgress(files[i], i, files.Count));
            var (report, found) = await parsing[i];
            problems.AddRange(found);
            if (report is not null)
            {
                reports.Add(report);
            }
        }

        var empty = new ImportCounts(0, 0, 0, 0, 0, 0);
        if (problems.Count > 0)
        {
            return new ImportResult(problems, empty);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new Writer(db, time, vocabulary, await DepartmentsByNameAsync(ct));

        // The writer reads db.Audits.Local once per audit of every file; with automatic change detection each read
        // rescans every tracked row, which made a ten-year import quadratic. One scan before saving is enough.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var report in reports)
            {
                foreach (var audit in report.Audits)
                {
                    await writer.WriteAsync(report.Source, audit, ct);
                }
            }

            // New rows go in bulk with their change-log lines; changes to rows that existed go through EF and its interceptor.
            await writer.Added.WriteAsync(db, ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            // The bulk rows bypass EF's save, and with it the hook that keeps the search documents: index them here,
            // in the same transaction, so that an import is searchable the moment it commits.
            await SearchIndexer.RefreshAsync(
                db, [.. writer.Added.Findings.Select(f => f.Finding.Id), .. writer.Added.Records.Select(r => r.Finding.Id)], ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress("", files.Count, files.Count));
        return new ImportResult([], writer.Counts());
    }

    /// <summary>Every department by each name it has or had: a document written before a rename (組織改編) still finds it.</summary>
    private async Task<Dictionary<string, Department>> DepartmentsByNameAsync(CancellationToken ct)
    {
        var all = await db.Departments.Include(d => d.Names).ToListAsync(ct);
        var byName = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var department in all)
        {
            foreach (var name in department.Names)
            {
                byName.TryAdd(name.Name, department);
            }
        }

        foreach (var department in all)
        {
            byName[department.Name] = department;
        }

        return byName;
    }

    private sealed class Writer(KansaDbContext db, TimeProvider time, StatusVocabulary vocabulary, Dictionary<string, Department> departments)
    {
        private readonly HashSet<Audit> audits = [];
        private readonly Dictionary<(string Kind, int FiscalYear), List<Audit>> stored = [];
        private readonly HashSet<Finding> findings = [];
        private int auditsCreated;
        private int findingsCreated;
        private int findingsUpdated;
        private int recordsAdded;

        /// <summary>The rows this import creates, written in bulk by <see cref="ImportedRows.WriteAsync"/>.</summary>
        public ImportedRows Added { get; } = new();

        public ImportCounts Counts() => new(audits.Count, auditsCreated, findings.Count, findingsCreated, findingsUpdated, recordsAdded);

        public async Task WriteAsync(string source, ParsedAudit parsed, CancellationToken ct)
        {
            var audit = await FindOrCreateAuditAsync(parsed, ct);
            audits.Add(audit);
            if (audit.LatestDocument is not { } latest || latest < parsed.AsOf)
            {
                audit.LatestDocument = parsed.AsOf;
            }

            var byNumber = audit.Findings.ToDictionary(f => f.Number, StringComparer.Ordinal);
            var known = byNumber.Values.ToHashSet();
            var newer = NewerDocuments(audit, parsed.AsOf);
            foreach (var row in parsed.Rows)
            {
                var finding = GetOrCreate(audit, byNumber, row.Number.Text, row.Category, row.Number.Sequence);
                UpdateRegistry(finding, row, parsed);
                AddStatus(finding, new Said(row.Word, row.State, row.Published, row.Response), parsed, source, known.Contains(finding) ? newer : []);
            }

            foreach (var gap in parsed.Inferred)
            {
                var finding = GetOrCreate(audit, byNumber, gap.Number, gap.Category, gap.Sequence);
                AddStatus(finding, new Said(gap.Word, StatusState.Open, null, null), parsed, source, known.Contains(finding) ? newer : []);
            }
        }

        /// <summary>The months (and files) of the audit's documents newer than <paramref name="asOf"/>, oldest first.</summary>
        private static List<(Calendar.YearMonth AsOf, string Source)> NewerDocuments(Audit audit, Calendar.YearMonth asOf) =>
            [.. audit.Findings.SelectMany(f => f.StatusRecords)
                .Where(r => r.AsOf > asOf)
                .GroupBy(r => r.AsOf)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.First().Source))];

        private async Task<Audit> FindOrCreateAuditAsync(ParsedAudit parsed, CancellationToken ct)
        {
            // Stored audits of a kind and year are read once per import; the files' new ones are kept by the writer.
            if (!stored.TryGetValue((parsed.Kind, parsed.FiscalYear), out var existing))
            {
                existing = await db.Audits
                    .Where(a => a.Kind == parsed.Kind && a.FiscalYear == parsed.FiscalYear)
                    .Include(a => a.Findings).ThenInclude(f => f.StatusRecords)
                    .Include(a => a.Findings).ThenInclude(f => f.Departments).ThenInclude(d => d.Department)
                    .AsSplitQuery()
                    .ToListAsync(ct);
                stored[(parsed.Kind, parsed.FiscalYear)] = existing;
            }

            var candidates = existing.Concat(Added.Audits.Where(a => a.Kind == parsed.Kind && a.FiscalYear == parsed.FiscalYear)).ToList();
            var audit = candidates.FirstOrDefault(a => a.Theme == parsed.Theme)
                        ?? (parsed.Theme is null && candidates.Count == 1 ? candidates[0] : null);
            if (audit is not null)
            {
                return audit;
            }

            var key = $"{FiscalYears.ShortLabel(parsed.FiscalYear)}-{parsed.Kind}";
            var taken = await db.Audits.Where(a => a.Key.StartsWith(key)).Select(a => a.Key).ToListAsync(ct);
            taken.AddRange(db.Audits.Local.Select(a => a.Key).Concat(Added.Audits.Select(a => a.Key)));
            var unique = key;
            for (var n = 2; taken.Contains(unique); n++)
            {
                unique = $"{key}-{n}";
            }

            audit = new Audit
            {
                Key = unique,
                Kind = parsed.Kind,
                FiscalYear = parsed.FiscalYear,
                Theme = parsed.Theme,
                DocumentKind = parsed.DocumentKind,
            };
            Added.Audits.Add(audit);
            auditsCreated++;
            return audit;
        }

        private Finding GetOrCreate(Audit audit, Dictionary<string, Finding> byNumber, string number, FindingCategory category, int sequence)
        {
            if (!byNumber.TryGetValue(number, out var finding))
            {
                finding = new Finding { Number = number, Category = category, Sequence = sequence };
                audit.Findings.Add(finding);
                Added.Findings.Add((audit, finding));
                byNumber[number] = finding;
                findingsCreated++;
            }

            findings.Add(finding);
            return finding;
        }

        /// <summary>A status as a document states it.</summary>
        private sealed record Said(string Word, StatusState State, Calendar.YearMonth? Published, string? Response);

        private void UpdateRegistry(Finding finding, ParsedRow row, ParsedAudit parsed)
        {
            // Registry fields follow the newest document that carries them.
            if (finding.ContentAsOf is { } seen && seen > parsed.AsOf)
            {
                return;
            }

            // Departments compare by identity, not name: a department renamed since the document keeps its findings.
            var current = finding.Departments.OrderBy(d => d.Position).Select(d => d.Department!).ToList();
            var sameDepartments = current.SequenceEqual(row.Departments.Select(Department));
            var changed = finding.Title != row.Title || finding.Excerpt != row.Excerpt
                || finding.ReportPages != row.Pages?.Text || !sameDepartments;
            if (changed && finding.Id != 0 && finding.Title is not null)
            {
                findingsUpdated++;
            }

            if (changed)
            {
                // A coordinator's form opened before this import must not silently save over what it brought.
                finding.Version = Guid.NewGuid();
            }

            finding.Title = row.Title;
            finding.Excerpt = row.Excerpt;
            finding.ReportPages = row.Pages?.Text;
            finding.PageFrom = row.Pages?.From;
            finding.PageTo = row.Pages?.To;
            finding.ContentAsOf = parsed.AsOf;
            if (!sameDepartments)
            {
                finding.Departments.Clear();
                finding.Departments.AddRange(row.Departments.Select((name, i) => new FindingDepartment { Department = Department(name), Position = i }));
            }
        }

        private Department Department(string name)
        {
            if (!departments.TryGetValue(name, out var department))
            {
                department = new Department { Name = name };
                departments[name] = department;
                Added.Departments.Add(department);
            }

            return department;
        }

        private void AddStatus(Finding finding, Said said, ParsedAudit parsed, string source, List<(Calendar.YearMonth AsOf, string Source)> newer)
        {
            // A record is added only where it changes what the finding's history says at the document's month.
            var open = new Said(vocabulary.CanonicalWord(finding.Category, StatusState.Open, parsed.Kind), StatusState.Open, null, null);
            if (Says(finding, parsed.AsOf, open) == said)
            {
                return;
            }

            var before = newer.Select(d => Says(finding, d.AsOf, open)).ToList();
            Add(finding, said, parsed.AsOf, Path.GetFileName(source));

            // An older document only fills in the months before the newer ones. Where a newer document left the
            // finding open (it writes no record for that), the older record would now reach into that month:
            // record the newer document's "open" so that what it said stays what it said.
            for (var i = 0; i < newer.Count; i++)
            {
                if (before[i] == open && Says(finding, newer[i].AsOf, open) != open)
                {
                    Add(finding, open, newer[i].AsOf, newer[i].Source);
                }
            }
        }

        /// <summary>What the finding's history says at a month; <paramref name="open"/> when nothing is recorded.</summary>
        private static Said Says(Finding finding, Calendar.YearMonth month, Said open) =>
            StatusTimeline.At(finding.StatusRecords, month) is { } r ? new Said(r.Word, r.State, r.Published, r.Response) : open;

        private void Add(Finding finding, Said said, Calendar.YearMonth asOf, string source)
        {
            var record = new StatusRecord
            {
                Word = said.Word,
                State = said.State,
                Published = said.Published,
                Response = said.Response,
                AsOf = asOf,
                Source = source,
                RecordedAt = time.GetUtcNow(),
            };
            finding.StatusRecords.Add(record);
            Added.Records.Add((finding, record));
            recordsAdded++;
        }
    }
}
