using Kansa.Calendar;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Departments;

/// <summary>
/// Every department with its names and merges, read once: what a department was called in a month, which
/// department carries a merged one's findings, and which department a name (current or past) means.
/// </summary>
public sealed class DepartmentHistory
{
    private readonly Dictionary<int, Department> byId;

    private DepartmentHistory(IEnumerable<Department> departments) => byId = departments.ToDictionary(d => d.Id);

    /// <summary>Reads the departments (untracked).</summary>
    public static async Task<DepartmentHistory> LoadAsync(KansaDbContext db, CancellationToken ct) =>
        new(await db.Departments.AsNoTracking().Include(d => d.Names).AsSplitQuery().ToListAsync(ct));

    /// <summary>The departments, by id.</summary>
    public IReadOnlyDictionary<int, Department> Departments => byId;

    /// <summary>
    /// The department that carries <paramref name="id"/>'s findings in <paramref name="month"/> (null: today's
    /// arrangement, every recorded merge applied): itself, or the one it was merged into, followed through.
    /// </summary>
    public int SurvivorAt(int id, YearMonth? month)
    {
        var seen = new HashSet<int>();
        while (byId.TryGetValue(id, out var d) && d.MergedIntoId is { } into && seen.Add(id)
               && (month is null || d.MergedFrom is null || d.MergedFrom <= month))
        {
            id = into;
        }

        return id;
    }

    /// <summary>The name a department had in a month (null: its newest name), without following merges.</summary>
    public string OwnNameAt(int id, YearMonth? month)
    {
        var d = byId[id];
        if (month is null || d.Names.Count == 0)
        {
            return d.Name;
        }

        var name = d.Names
            .Where(n => n.From is null || n.From <= month)
            .OrderByDescending(n => n.From?.Number ?? int.MinValue)
            .FirstOrDefault();

        // Before its first recorded name a department is called by its oldest name.
        return (name ?? d.Names.OrderBy(n => n.From?.Number ?? int.MinValue).First()).Name;
    }

    /// <summary>The names of a finding's departments as a report of <paramref name="month"/> shows them: merges followed, each once.</summary>
    public IReadOnlyList<string> NamesAt(IEnumerable<int> orderedIds, YearMonth? month) =>
        [.. orderedIds.Select(id => SurvivorAt(id, month)).Distinct().Select(id => OwnNameAt(id, month))];

    /// <summary>The departments and every department merged into them, at any time: whose findings their staff act on.</summary>
    public IReadOnlySet<int> WithMerged(IEnumerable<int> ids)
    {
        var result = ids.ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var d in byId.Values)
            {
                if (d.MergedIntoId is { } into && result.Contains(into) && result.Add(d.Id))
                {
                    grew = true;
                }
            }
        }
        while (grew);
        return result;
    }

    /// <summary>The department that has or had this name (normalized first), or null.</summary>
    public Department? FindByName(string name)
    {
        var normalized = Identifiers.Normalize(name);
        return byId.Values.FirstOrDefault(d => d.Name == normalized)
               ?? byId.Values.FirstOrDefault(d => d.Names.Any(n => n.Name == normalized));
    }
}
