using Kansa.Status;
using System.Diagnostics;
using Kansa.Audits;
using Kansa.ChangeLog;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Import;
using Kansa.Responses;
using Kansa.Search;
using Kansa.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kansa.Benchmarks;

/// <summary>
/// <c>import-ratio DIR [--pg CONNECTION] [--runs N]</c> (docs/benchmarks.md §12): in one process, alternately,
/// (a) <c>kansa import</c>'s work (ImportStatusReports with the change-log interceptor, parse included) into a fresh
/// migrated database, and (b) a raw bulk insert of exactly the rows (a) stored — departments, audits, findings, their
/// departments, status records, the change-log lines and the search documents (with SQLite's full-text index
/// filled by its triggers, as in (a)), read back from (a) — into another fresh database of the same
/// engine: a prepared INSERT in one transaction on SQLite, binary COPY on PostgreSQL. Prints each run and the medians.
/// </summary>
public static class ImportRatio
{
    public static async Task<int> RunAsync(string folder, string? postgres, int runs)
    {
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        var importTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var a = await FreshAsync(postgres, "ratio_a");
            var clock = Stopwatch.StartNew();
            var result = await new ImportStatusReports(a, TimeProvider.System).RunAsync(files, dryRun: false, progress: null, CancellationToken.None);
            var import = clock.Elapsed.TotalSeconds;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join('\n', result.Problems.Take(10)));
            }

            var rows = await RowsAsync(a);
            await using var b = await FreshAsync(postgres, "ratio_b");
            clock.Restart();
            double withoutDocuments;
            await using (var transaction = await b.Database.BeginTransactionAsync())
            {
                await BulkInsert.WriteAsync(b, rows.Departments, withKey: true, CancellationToken.None);
                await BulkInsert.WriteAsync(b, rows.Audits, withKey: true, CancellationToken.None);
                await BulkInsert.WriteAsync(b, rows.Findings, withKey: true, CancellationToken.None);
                await BulkInsert.WriteAsync(b, rows.Links, withKey: true, CancellationToken.None);
                await BulkInsert.WriteAsync(b, rows.Records, withKey: true, CancellationToken.None);
                await BulkInsert.WriteAsync(b, rows.Lines, withKey: true, CancellationToken.None);
                withoutDocuments = clock.Elapsed.TotalSeconds;
                await BulkInsert.WriteAsync(b, rows.Documents, withKey: true, CancellationToken.None);
                await transaction.CommitAsync();
            }

            var raw = clock.Elapsed.TotalSeconds;
            importTimes.Add(import);
            rawTimes.Add(raw);
            Console.WriteLine($"run {run + 1}: import {import:F2} s, raw insert {raw:F2} s ({rows.Count:N0} rows), ratio {import / raw:F1}; "
                + $"raw insert without the {rows.Documents.Count:N0} search documents {withoutDocuments:F2} s (before commit), ratio {import / withoutDocuments:F1}");
        }

        var (mi, mr) = (Median(importTimes), Median(rawTimes));
        Console.WriteLine($"{(postgres is null ? "SQLite" : "PostgreSQL")}, {files.Count} files, median of {runs}: import {mi:F2} s, raw insert {mr:F2} s, ratio {mi / mr:F2}");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed record Rows(
        List<Department> Departments, List<Audit> Audits, List<Finding> Findings, List<FindingDepartment> Links, List<StatusRecord> Records, List<ChangeEntry> Lines,
        List<SearchDocument> Documents)
    {
        public int Count => Departments.Count + Audits.Count + Findings.Count + Links.Count + Records.Count + Lines.Count + Documents.Count;
    }

    private static async Task<Rows> RowsAsync(KansaDbContext db)
    {
        var findings = await db.Findings.AsNoTracking().Include(f => f.Departments).ToListAsync();
        return new Rows(
            await db.Departments.AsNoTracking().ToListAsync(),
            await db.Audits.AsNoTracking().ToListAsync(),
            findings.Select(f => new Finding
            {
                Id = f.Id, AuditId = f.AuditId, Number = f.Number, Category = f.Category, Sequence = f.Sequence, ReportPages = f.ReportPages,
                PageFrom = f.PageFrom, PageTo = f.PageTo, Title = f.Title, Excerpt = f.Excerpt, ContentAsOf = f.ContentAsOf, Version = f.Version,
            }).ToList(),
            [.. findings.SelectMany(f => f.Departments).Select(d => new FindingDepartment { FindingId = d.FindingId, DepartmentId = d.DepartmentId, Position = d.Position })],
            await db.StatusRecords.AsNoTracking().ToListAsync(),
            await db.ChangeEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(),
            await db.Set<SearchDocument>().AsNoTracking().ToListAsync());
    }

    private static async Task<KansaDbContext> FreshAsync(string? postgres, string name)
    {
        var options = new DbContextOptionsBuilder<KansaDbContext>();
        options.AddInterceptors(new ChangeLogInterceptor(FixedActor.CommandLine, TimeProvider.System, new ChangeLogKeyFile(Path.Combine(BenchData.WorkDir, "ratio.audit-key"))));
        if (postgres is null)
        {
            var path = Path.Combine(BenchData.WorkDir, name + ".db");
            Directory.CreateDirectory(BenchData.WorkDir);
            BenchData.Delete(path);
            // No pooling: the next run deletes the file, and a pooled connection would still see the old one.
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Sqlite"));
        }
        else
        {
            // The previous run's pooled connections to the database dropped below would be dead.
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(postgres);
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", connection);
                await create.ExecuteNonQueryAsync();
            }

            admin.Database = name;
            options.UseNpgsql(admin.ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Postgres"));
        }

        var db = new KansaDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }
}
