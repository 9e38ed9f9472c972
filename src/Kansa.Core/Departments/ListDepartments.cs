using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Departments;

/// <summary>Every department with its name history, its merge and how many findings it carries: the registry's department list.</summary>
public sealed class ListDepartments(KansaDbContext db)
{
    /// <summary>The departments, surviving ones first, by name.</summary>
    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken ct)
    {
        var history = await DepartmentHistory.LoadAsync(db, ct);
        var counts = await db.Set<Findings.FindingDepartment>().GroupBy(f => f.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. history.Departments.Values
            .OrderBy(d => d.MergedIntoId is null ? 0 : 1).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new Item(
                d.Id,
                d.Name,
                [.. d.Names.OrderBy(n => n.From?.Number ?? int.MinValue).Select(n => new NameItem(n.Name, n.From))],
                d.MergedIntoId,
                d.MergedIntoId is { } into ? history.Departments[into].Name : null,
                d.MergedFrom,
                counts.GetValueOrDefault(d.Id),
                d.Version))];
    }

    /// <summary>One department.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="Name">Its newest name.</param>
    /// <param name="Names">Its names with their first months, oldest first (empty when never renamed).</param>
    /// <param name="MergedIntoId">The department it was merged into.</param>
    /// <param name="MergedIntoName">That department's name.</param>
    /// <param name="MergedFrom">The month of the merge.</param>
    /// <param name="Findings">How many findings name it.</param>
    /// <param name="Version">Its concurrency version.</param>
    public sealed record Item(int Id, string Name, IReadOnlyList<NameItem> Names, int? MergedIntoId, string? MergedIntoName, YearMonth? MergedFrom, int Findings, Guid Version);

    /// <summary>A name from a month (null: from the start).</summary>
    public sealed record NameItem(string Name, YearMonth? From);
}
