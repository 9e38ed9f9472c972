using System.Globalization;
using Kansa.Audits;
using Kansa.Departments;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Sheets;

/// <summary>
/// An audit's findings with everything their sheet rows show, read once (untracked): the status in force, the
/// unfinished response, the newest request and its due date, department names after merges, the status words.
/// </summary>
public sealed class SheetSource
{
    private readonly Dictionary<int, SheetRow> rows;
    private readonly HashSet<int> needing;

    private SheetSource(Audit audit, DepartmentHistory history, List<Finding> findings, Dictionary<int, SheetRow> rows, HashSet<int> needing)
    {
        Audit = audit;
        History = history;
        Findings = findings;
        this.rows = rows;
        this.needing = needing;
    }

    /// <summary>The audit.</summary>
    public Audit Audit { get; }

    /// <summary>Departments with their names and merges.</summary>
    public DepartmentHistory History { get; }

    /// <summary>The audit's findings in number order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The row of a finding of this audit, as Kansa would write it now; null for a finding of another audit.</summary>
    public SheetRow? Row(int findingId) => rows.GetValueOrDefault(findingId);

    /// <summary>
    /// Whether a finding needs a response, and so gets a row: it is not done as of now (未措置, 措置中, 措置を行わない, or
    /// nothing published yet), or it has an unfinished response (下書き, 差戻し, 提出済, 承認済), or a request that no
    /// approved or published response answers yet.
    /// </summary>
    public bool NeedsResponse(int findingId) => needing.Contains(findingId);

    /// <summary>The departments (as they are now, merges followed) a finding's sheet rows go to, in the document's order.</summary>
    public IReadOnlyList<int> Survivors(Finding finding) =>
        [.. finding.Departments.OrderBy(d => d.Position).Select(d => History.SurvivorAt(d.DepartmentId, null)).Distinct()];

    /// <summary>Reads the audit's findings and builds their rows.</summary>
    public static async Task<SheetSource> LoadAsync(KansaDbContext db, Audit audit, CancellationToken ct)
    {
        var history = await DepartmentHistory.LoadAsync(db, ct);
        var editorWords = await EditorWords.LoadAsync(db, ct);
        var vocabulary = editorWords.Vocabulary;
        var projection = FindingProjection.From(vocabulary, history);
        var findings = (await db.Findings.AsNoTracking().Where(f => f.AuditId == audit.Id)
                .Include(f => f.Departments).Include(f => f.StatusRecords).AsSplitQuery().ToListAsync(ct))
            .OrderBy(f => f.Category).ThenBy(f => f.Sequence).ThenBy(f => f.Number, StringComparer.Ordinal).ToList();
        var ids = findings.Select(f => f.Id).ToList();
        var responses = (await db.Responses.AsNoTracking().Where(r => ids.Contains(r.FindingId)).Include(r => r.Steps).AsSplitQuery().ToListAsync(ct))
            .ToLookup(r => r.FindingId);
        var requests = (await db.ResponseRequests.AsNoTracking().Where(r => ids.Contains(r.FindingId)).ToListAsync(ct)).ToLookup(r => r.FindingId);

        var rows = new Dictionary<int, SheetRow>();
        var needing = new HashSet<int>();
        foreach (var f in findings)
        {
            var current = StatusTimeline.At(f.StatusRecords, null);
            var active = responses[f.Id].Where(r => r.Stage.IsUnfinished()).MaxBy(r => r.Id);
            var answered = responses[f.Id].Where(r => r.Stage is ResponseStage.Approved or ResponseStage.Published).ToList();

            // A request is answered by an approved or published response linked to it, or (unlinked) started after it.
            var openRequest = requests[f.Id].Any(q => !answered.Exists(r => ResponseRequest.IsAnsweredBy(q.Id, q.RequestedAt, r.RequestId, r.CreatedAt)));
            if (current is null || current.State != StatusState.Done || active is not null || openRequest)
            {
                needing.Add(f.Id);
            }

            var words = editorWords.For(f.Category).ToList();
            var newestRequest = requests[f.Id].MaxBy(q => q.Id);
            rows[f.Id] = Build(audit, f, projection.Project(f, audit, f.StatusRecords, null), current, active, newestRequest, words);
        }

        return new SheetSource(audit, history, findings, rows, needing);
    }

    // The locked cells show the finding as every other format shows it now (the one projection); the record itself
    // (current) still decides the row's token and what the input cells start from.
    private static SheetRow Build(Audit audit, Finding f, FindingAsOf shown, StatusRecord? current, Response? active, ResponseRequest? request, List<string> words)
    {
        var departments = f.Departments.OrderBy(d => d.Position).Select(d => d.DepartmentId).ToList();
        var locked = new List<string>
        {
            shown.Number,
            shown.ReportPages ?? "",
            shown.Category.Label(),
            string.Join("、", shown.Departments),
            Content(f),
            shown.Published is { } p ? $"{shown.Status} ({p.ToShortWareki()})" : shown.Status,
            Stage(active, request),
        };

        // The input cells start from the response being worked on, else from what the city published last (when its
        // word is one of the list), so that a department edits its last answer instead of retyping it.
        var (word, content) = active is not null
            ? (active.Word, active.Content)
            // Nothing recorded yet: the projection's word is the category's word for open.
            : current is null ? (words.Contains(shown.Status, StringComparer.Ordinal) ? shown.Status : "", "")
            : words.Contains(current.Word, StringComparer.Ordinal) ? (current.Word, current.Response ?? "") : ("", "");
        var token = SheetRow.Hash(string.Join("\u001E", locked) + "\u001E" + f.Version.ToString("N") + "\u001E"
            + (current?.Id.ToString(CultureInfo.InvariantCulture) ?? "-") + "\u001E"
            + (active is null ? "-" : active.Id.ToString(CultureInfo.InvariantCulture) + ":" + active.Version.ToString("N")) + "\u001E" + audit.Key);
        return new SheetRow(f.Id, f.Number, f.Category, departments, locked, word, content, words, active?.Id, active?.Version, active?.Stage, token);
    }

    private static string Content(Finding f)
    {
        if (f.Title is null)
        {
            return "(内容は未登録)";
        }

        if (string.IsNullOrWhiteSpace(f.Excerpt))
        {
            return f.Title;
        }

        // Cut before a surrogate pair's second half, never through it.
        var cut = SheetLayout.ExcerptChars - (f.Excerpt.Length > SheetLayout.ExcerptChars && char.IsHighSurrogate(f.Excerpt[SheetLayout.ExcerptChars - 1]) ? 1 : 0);
        var excerpt = f.Excerpt.Length > SheetLayout.ExcerptChars ? f.Excerpt[..cut].TrimEnd() + "…" : f.Excerpt;
        return f.Title + "\n\n" + excerpt;
    }

    private static string Stage(Response? active, ResponseRequest? request)
    {
        var parts = new List<string>();
        if (active is not null)
        {
            var stage = active.Stage.Label();
            if (active.Stage == ResponseStage.Returned && active.Steps.Where(s => s.Action == ResponseActions.Returned).MaxBy(s => s.Id)?.Comment is { Length: > 0 } why)
            {
                stage += "\n差戻しの理由: " + why;
            }

            if (active.Stage is ResponseStage.Submitted or ResponseStage.Approved)
            {
                stage += "\n(この行は変更できません)";
            }

            parts.Add(stage);
        }
        else
        {
            parts.Add("回答なし");
        }

        if (request is not null)
        {
            parts.Add("期限 " + request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return string.Join("\n", parts);
    }
}
