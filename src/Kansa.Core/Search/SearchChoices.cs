using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Search;

/// <summary>What the search form offers to choose: audit kinds, fiscal years and departments (by their newest names).</summary>
public sealed class SearchChoices(KansaDbContext db)
{
    /// <summary>The choices.</summary>
    public sealed record Choices(IReadOnlyList<string> Kinds, IReadOnlyList<int> FiscalYears, IReadOnlyList<(int Id, string Name)> Departments);

    /// <summary>Reads the choices.</summary>
    public async Task<Choices> RunAsync(CancellationToken ct)
    {
        var audits = await db.Audits.AsNoTracking().Select(a => new { a.Kind, a.FiscalYear }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.MergedIntoId == null)
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return new Choices(
            [.. audits.Select(a => a.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. audits.Select(a => a.FiscalYear).Distinct().OrderDescending()],
            [.. departments.Select(d => (d.Id, d.Name))]);
    }

    /// <summary>A state as a reader names it in both categories: 措置済・対応済.</summary>
    public static string StateLabel(StatusState state) => string.Join("・",
        FindingCategories.All.Select(c => StatusVocabulary.Default.CanonicalWord(c, state, null)).Distinct(StringComparer.Ordinal));
}
