using Kansa.Calendar;
using Kansa.Storage;

namespace Kansa.Reports;

/// <summary>Builds the official report (公表資料) of one or all audits as of a month: the HTML page, PDF and print share it.</summary>
public sealed class LoadOfficialReport(KansaDbContext db, TimeProvider time)
{
    /// <summary>The audits laid out as the city publishes them; null when <paramref name="auditKey"/> is unknown.</summary>
    public async Task<OfficialReports?> RunAsync(YearMonth? asOf, string? auditKey, CancellationToken ct)
    {
        var snapshot = await new LoadReportSnapshot(db, time).RunAsync(asOf, auditKey, ct);
        if (snapshot is null)
        {
            return null;
        }

        var vocabulary = await db.LoadVocabularyAsync(ct);
        return new OfficialReports(snapshot.AsOf, [.. snapshot.Audits.Select(a => OfficialReport.From(a, vocabulary))]);
    }
}

/// <summary>The official reports of a document: one per audit, each starting on a new page when printed.</summary>
/// <param name="AsOf">The month of the document.</param>
/// <param name="Audits">The audits.</param>
public sealed record OfficialReports(YearMonth AsOf, IReadOnlyList<OfficialReport> Audits);
