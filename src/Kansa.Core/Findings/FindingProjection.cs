using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Departments;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Findings;

/// <summary>
/// Builds <see cref="FindingAsOf"/>: the status in force at a month, the word for open when nothing is, and the
/// department names of that month. The vocabulary and the department history are read once per projection, so a
/// report of every finding costs the same few queries as one finding's page.
/// </summary>
public sealed class FindingProjection
{
    private readonly StatusVocabulary vocabulary;
    private readonly DepartmentHistory departments;

    private FindingProjection(StatusVocabulary vocabulary, DepartmentHistory departments)
    {
        this.vocabulary = vocabulary;
        this.departments = departments;
    }

    /// <summary>The city's words, as the projection uses them (a report's summary table counts with them too).</summary>
    public StatusVocabulary Vocabulary => vocabulary;

    /// <summary>Reads what every projection needs: the vocabulary and the departments with their names and merges.</summary>
    public static async Task<FindingProjection> LoadAsync(KansaDbContext db, CancellationToken ct) =>
        new(await db.LoadVocabularyAsync(ct), await DepartmentHistory.LoadAsync(db, ct));

    /// <summary>A projection over what the caller already read (a use case that needs the history for more).</summary>
    public static FindingProjection From(StatusVocabulary vocabulary, DepartmentHistory departments) => new(vocabulary, departments);

    /// <summary>
    /// The findings <paramref name="findings"/> selects, each as of <paramref name="asOf"/> (null: now), read untracked
    /// with their audits, departments and status records in a fixed number of queries, whatever their count.
    /// </summary>
    public static async Task<IReadOnlyList<FindingAsOf>> LoadAsync(KansaDbContext db, IQueryable<Finding> findings, YearMonth? asOf, CancellationToken ct)
    {
        var rows = await findings.AsNoTracking()
            .Include(f => f.Audit)
            .Include(f => f.StatusRecords)
            .Include(f => f.Departments)
            .AsSplitQuery()
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var projection = await LoadAsync(db, ct);
        return [.. rows.Select(f => projection.Project(f, f.Audit!, f.StatusRecords, asOf))];
    }

    /// <summary>
    /// One finding of <paramref name="audit"/> as of <paramref name="asOf"/> (null: now) from its records; its
    /// history holds the records in force by then (all of them for now).
    /// </summary>
    public FindingAsOf Project(Finding f, Audit audit, IReadOnlyCollection<StatusRecord> records, YearMonth? asOf)
    {
        var current = StatusTimeline.At(records, asOf);
        return new FindingAsOf(
            f.Id, audit.Key, audit.Kind, audit.FiscalYear, audit.Theme,
            f.Number, f.Category, f.Sequence, f.ReportPages, f.PageFrom, f.PageTo,
            // A report shows the departments by the names of its month, merges (組織改編) in force by then followed.
            departments.NamesAt(f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId), asOf),
            f.Title, f.Excerpt, f.Version,
            // Nothing in force yet (a finding the summary table counted as open): the category's word for open.
            current?.Word ?? vocabulary.CanonicalWord(f.Category, StatusState.Open, audit.Kind),
            current?.State ?? StatusState.Open,
            current?.Published,
            current?.Response,
            [.. StatusTimeline.History(records.Where(r => asOf is null || r.EffectiveFrom <= asOf.Value)).Select(r => new FindingStatusEntry(
                r.Word, r.State, r.Published, r.AsOf, r.Response, r.Source, r.ResponseId, r.CorrectionReason, r.RecordedBy, r.RecordedAt))]);
    }
}
