using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Reports;

/// <summary>
/// What changed between the report of one audit as of month A and as of month B (<c>/audits/{key}/changes</c>,
/// <c>kansa diff</c>): both reports are built by <see cref="LoadReportSnapshot"/>, so the lists agree with the reports
/// people read. Only published data is compared.
/// </summary>
public sealed class CompareSnapshots(KansaDbContext db, LoadReportSnapshot snapshots)
{
    /// <summary>Compares; months are read as Japanese documents write them (2025-08, R7.8, 令和7年8月).</summary>
    public async Task<Outcome<AuditChanges>> RunAsync(string? auditKey, string? from, string? to, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(auditKey))
        {
            problems.Add(new Problem("audit", "監査キー: 監査キーを指定してください (例 R5-包括外部監査)。"));
        }

        var fromMonth = Month("from", "比べる前の月", from, problems);
        var toMonth = Month("to", "比べる後の月", to, problems);
        if (fromMonth is { } a && toMonth is { } b && a > b)
        {
            problems.Add(new Problem("from", $"比べる前の月: {a.ToWareki()}が比べる後の月の{b.ToWareki()}より後です。前の月と後の月を入れ替えてください。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<AuditChanges>.Invalid(problems);
        }

        var before = await snapshots.RunAsync(fromMonth, auditKey, ct);
        var after = await snapshots.RunAsync(toMonth, auditKey, ct);
        if (before is null || after is null)
        {
            return Outcome<AuditChanges>.NotFound($"監査「{auditKey}」は登録されていません。");
        }

        var corrections = await CorrectionsAsync(db, auditKey!, fromMonth!.Value, toMonth!.Value, ct);
        return Outcome<AuditChanges>.Ok(Compare(before.Audits[0], after.Audits[0], corrections));
    }

    /// <summary>The lists for two reports of the same audit, given the corrections made between them.</summary>
    public static AuditChanges Compare(AuditSnapshot from, AuditSnapshot to, IReadOnlyList<TextCorrection> corrections)
    {
        var earlier = from.Findings.ToDictionary(f => f.Number, StringComparer.Ordinal);
        // Both reports come from the same audit; a finding registered between the two loads counts as unchanged.
        var pairs = to.Findings.Select(f => Change(earlier.GetValueOrDefault(f.Number) ?? f, f)).ToList();
        return new AuditChanges(
            to.Key,
            to.Title,
            from.AsOf,
            to.AsOf,
            [.. pairs.Where(c => c.FromState != StatusState.Done && c.ToState == StatusState.Done)],
            // A status in force that carries another publication month, or the same month with another word or text
            // (a round dated in the month of an imported document), was published after the earlier report.
            [.. pairs.Where(c => c.ToPublished is not null
                && (c.ToPublished != c.FromPublished || c.FromStatus != c.ToStatus || !SameText(earlier.GetValueOrDefault(c.Number)?.Response, c.Response)))],
            [.. pairs.Where(c => c.FromStatus != c.ToStatus)],
            corrections,
            [.. pairs.Where(c => c.ToState is StatusState.Open or StatusState.InProgress)]);
    }

    /// <summary>
    /// The corrections (訂正) of this audit's published texts made after month <paramref name="from"/> up to the end of
    /// month <paramref name="to"/> (Japan time): a correction speaks for every month at once, so it shows as a change
    /// only in the period in which it was made.
    /// </summary>
    public static async Task<IReadOnlyList<TextCorrection>> CorrectionsAsync(KansaDbContext db, string auditKey, YearMonth from, YearMonth to, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.Audit!.Key == auditKey)
            .Select(f => new { f.Id, f.Number, f.Title }).ToListAsync(ct);
        var records = await db.StatusRecords.AsNoTracking()
            .Where(r => r.ResponseId != null && db.Findings.Any(f => f.Id == r.FindingId && f.Audit!.Key == auditKey)).ToListAsync(ct);
        var result = new List<TextCorrection>();
        foreach (var correction in records.Where(r => r.CorrectionReason is not null).OrderBy(r => r.Id))
        {
            var made = YearMonth.FromDate(TimeZoneInfo.ConvertTime(correction.RecordedAt, YearMonth.JapanTime));
            if (made <= from || made > to)
            {
                continue;
            }

            // Ids grow with every insert: the text before is the response's record written just before this one.
            var previous = records.Where(r => r.ResponseId == correction.ResponseId && r.Id < correction.Id).MaxBy(r => r.Id);
            var finding = findings.First(f => f.Id == correction.FindingId);
            result.Add(new TextCorrection(finding.Number, finding.Title, correction.Published, previous?.Response, correction.Response, correction.CorrectionReason!, correction.RecordedAt));
        }

        return result;
    }

    private static FindingChange Change(FindingAsOf before, FindingAsOf after) => new(
        after.Number, after.Category, after.Title, after.Departments,
        before.Status, before.State, before.Published,
        after.Status, after.State, after.Published, after.Response);

    private static bool SameText(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    private static YearMonth? Month(string field, string label, string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new Problem(field, $"{label}: 年月を指定してください (例 2025-08)。"));
            return null;
        }

        if (!YearMonth.TryParse(text, out var month, out var error))
        {
            problems.Add(new Problem(field, $"{label}: {error} (例 2025-08)。"));
            return null;
        }

        return month;
    }
}
