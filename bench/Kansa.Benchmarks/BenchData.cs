using Kansa.Import;
using Kansa.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Benchmarks;

/// <summary>Paths, SQLite files and contexts for the benchmarks, opened the way the app opens them.</summary>
public static class BenchData
{
    /// <summary>The repository root (the folder of Kansa.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Scratch space under .build/ (ignored by git), removed by nobody: each run overwrites it.</summary>
    public static string WorkDir { get; } = Path.Combine(RepoRoot, ".build", "benchmarks", "work");

    /// <summary>
    /// The seed document, read at run time from the shared folder (never copied into the repository):
    /// $KANSA_SEED, else the first *.txt of $KANSA_SEEDS, else ../shared/seeds beside the repository.
    /// </summary>
    public static string SeedPath()
    {
        if (Environment.GetEnvironmentVariable("KANSA_SEED") is { Length: > 0 } file)
        {
            return file;
        }

        var folder = Environment.GetEnvironmentVariable("KANSA_SEEDS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(RepoRoot, "..", "shared", "seeds");
        return Directory.Exists(folder) && Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).FirstOrDefault() is { } seed
            ? seed
            : throw new FileNotFoundException($"seed document not found in {folder}: set KANSA_SEED or KANSA_SEEDS");
    }

    /// <summary>
    /// Options on a SQLite file with the app's settings: the migrations assembly and Pooling=false,
    /// as src/Kansa/Storage/DatabaseTarget.cs sets them.
    /// </summary>
    public static DbContextOptions<KansaDbContext> Options(string path, bool pooling = false) =>
        new DbContextOptionsBuilder<KansaDbContext>()
            .UseSqlite(
                new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ConnectionString,
                o => o.MigrationsAssembly("Kansa.Migrations.Sqlite"))
            .Options;

    /// <summary>A new context, as one web request or one CLI command gets.</summary>
    public static KansaDbContext Context(string path, bool pooling = false) => new(Options(path, pooling));

    /// <summary>Creates (or recreates) an empty database with every migration applied.</summary>
    public static string CreateEmpty(string name)
    {
        var path = Path.Combine(WorkDir, name);
        Delete(path);
        Directory.CreateDirectory(WorkDir);
        using var context = Context(path);
        context.Database.Migrate();
        return path;
    }

    /// <summary>Copies a database file (a fresh one per iteration).</summary>
    public static string Copy(string from, string name)
    {
        var path = Path.Combine(WorkDir, name);
        Delete(path);
        File.Copy(from, path);
        return path;
    }

    /// <summary>Deletes a database file and its journal files.</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>Imports files into a database as <c>kansa import</c> does; throws on any problem.</summary>
    public static ImportCounts Import(string path, IReadOnlyList<string> files)
    {
        using var context = Context(path);
        var result = new ImportStatusReports(context, TimeProvider.System)
            .RunAsync(files, dryRun: false, progress: null, CancellationToken.None).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("import failed:\n" + string.Join('\n', result.Problems.Take(20)));
        }

        return result.Counts;
    }

    /// <summary>Writes the ten-year corpus (80 files) once per process and returns the paths.</summary>
    public static IReadOnlyList<string> TenYearFiles() => tenYearFiles.Value;

    /// <summary>Builds a database holding the seed, or ten years of audits; returns its path.</summary>
    /// <remarks>Built once per process: every benchmark case of a class runs its global setup again.</remarks>
    public static string Database(string data)
    {
        lock (Databases)
        {
            if (!Databases.TryGetValue(data, out var path))
            {
                path = data switch
                {
                    "seed" => ImportInto("seed.db", [SeedPath()]),
                    "ten-years" => ImportInto("ten-years.db", TenYearFiles()),
                    _ => throw new ArgumentException($"unknown data set {data}", nameof(data)),
                };
                Databases[data] = path;
            }

            return path;
        }
    }

    private static readonly Dictionary<string, string> Databases = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<string>> tenYearFiles =
        new(() => TenYears.WriteCorpus(Path.Combine(WorkDir, "ten-years")));

    private static string ImportInto(string name, IReadOnlyList<string> files)
    {
        var path = CreateEmpty(name);
        Import(path, files);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kansa.slnx")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kansa.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kansa.slnx not found above the program or the current directory");
    }
}
