using Kansa.Departments;
using Kansa.Storage;

namespace Kansa.Insight;

/// <summary>Builds <see cref="DepartmentOverview"/> for one department or for every department.</summary>
public sealed class LoadDepartmentOverviews(KansaDbContext db, LoadFindingAges ages)
{
    /// <summary>Every department that has findings (its own or merged in), by name; merged ones too, after the others.</summary>
    public async Task<IReadOnlyList<DepartmentOverview>> AllAsync(CancellationToken ct)
    {
        var history = await DepartmentHistory.LoadAsync(db, ct);
        var findings = await ages.AllAsync(ct);
        return [.. history.Departments.Values
            .Select(d => Build(history, d, findings))
            .Where(o => o.Findings.Count > 0)
            .OrderBy(o => o.MergedInto is not null)
            .ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>One department; null when the id is unknown.</summary>
    public async Task<DepartmentOverview?> OneAsync(int id, CancellationToken ct)
    {
        var history = await DepartmentHistory.LoadAsync(db, ct);
        if (!history.Departments.TryGetValue(id, out var department))
        {
            return null;
        }

        var findings = await ages.OfDepartmentsAsync([.. history.WithMerged([id])], ct);
        return Build(history, department, findings);
    }

    private static DepartmentOverview Build(DepartmentHistory history, Department d, IReadOnlyList<FindingAge> findings)
    {
        var covered = history.WithMerged([d.Id]);
        var names = d.Names.OrderBy(n => n.From?.Number ?? int.MinValue).ToList();
        var former = names.Zip(names.Skip(1), (n, next) => new FormerName(n.Name, next.From)).Where(n => n.Name != d.Name).ToList();
        var merged = d.MergedIntoId is { } into && history.Departments.TryGetValue(into, out var survivor)
            ? (survivor.Id, survivor.Name, d.MergedFrom)
            : ((int, string, Calendar.YearMonth?)?)null;
        var absorbed = history.Departments.Values.Where(x => x.MergedIntoId == d.Id).OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => (x.Id, x.Name)).ToList();
        return new DepartmentOverview(
            d.Id, d.Name, former, merged, absorbed,
            [.. findings.Where(f => f.DepartmentIds.Any(covered.Contains))]);
    }
}
