using System.Globalization;
using System.Text.Json;
using Kansa.Accounts;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.ChangeLog;

/// <summary>One change-log line as staff read it.</summary>
/// <param name="Sequence">Position in the chain.</param>
/// <param name="At">When (UTC), for the machine-readable time element.</param>
/// <param name="When">When, as 令和8年1月15日 10:00 (Japan time).</param>
/// <param name="Actor">Who, by name and department.</param>
/// <param name="Action">What, in Japanese (ログイン失敗).</param>
/// <param name="Entity">The kind of record, in Japanese (指摘・意見).</param>
/// <param name="Subject">Which one: the finding number for anything about a finding, a person's name, or the stored key.</param>
/// <param name="FindingNumber">The number of the finding the line concerns, if any.</param>
/// <param name="Before">Values before, as label/value items.</param>
/// <param name="After">Values after or details, as label/value items.</param>
public sealed record ChangeLineView(
    long Sequence, DateTimeOffset At, string When, string Actor, string Action, string Entity, string Subject, string? FindingNumber,
    IReadOnlyList<(string Label, string Value)> Before, IReadOnlyList<(string Label, string Value)> After);

/// <summary>
/// Puts a page of change-log lines into plain Japanese: names for actors, the finding number for every change that
/// concerns a finding, readable before/after lists. A fixed handful of queries per page, whatever its length.
/// </summary>
public sealed class ExplainChangeLines(KansaDbContext db, ResolveActorNames names)
{
    private static readonly HashSet<string> AccountTypes = new(StringComparer.Ordinal) { "KansaUser", "UserDepartment", "IdentityUserRole", "IdentityUserLogin", "IdentityUserToken", "IdentityUserClaim", "ApiToken" };

    /// <summary>The lines, in the order given.</summary>
    public async Task<IReadOnlyList<ChangeLineView>> RunAsync(IReadOnlyList<ChangeLine> lines, CancellationToken ct)
    {
        var facts = lines.Select(Read).ToList();
        var people = await names.RunAsync(
            lines.Select(l => l.Actor).Concat(facts.SelectMany(f => f.People)).Concat(lines.Where(l => l.EntityType == "User").Select(l => ActorNames.UserPrefix + l.EntityKey)),
            facts.Select(f => f.UserId).OfType<string>(),
            ct);
        var numbers = await FindingNumbersAsync(lines, facts, ct);
        return [.. lines.Select((line, i) =>
        {
            var number = numbers.GetValueOrDefault(i);
            var subject = number
                ?? (line.EntityType == "User" && line.EntityKey is { } login ? UserSubject(people, login)
                : people.OfUserId(facts[i].UserId) ?? (AccountTypes.Contains(line.EntityType ?? "") ? "" : line.EntityKey ?? ""));
            return new ChangeLineView(
                line.Sequence, line.At, WarekiDate.FormatMoment(line.At), people.Of(line.Actor), ChangeLogWording.Action(line.Action),
                ChangeLogWording.Entity(line.EntityType), subject, number,
                ChangeLogWording.Items(line.Before, people.Of), ChangeLogWording.Items(line.After, people.Of));
        })];
    }

    private static string UserSubject(ActorNames people, string login) =>
        people.People.TryGetValue(login, out var name) ? name : $"登録のない利用者 (入力されたログイン名「{login}」)";

    private static Facts Read(ChangeLine line)
    {
        var facts = new Facts();
        foreach (var json in new[] { line.After, line.Before })
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var p in document.RootElement.EnumerateObject())
                {
                    switch (p.Name)
                    {
                        case "FindingId": facts.FindingId ??= Int(p.Value); break;
                        case "ResponseId": facts.ResponseId ??= Int(p.Value); break;
                        case "RequestId": facts.RequestId ??= Int(p.Value); break;
                        case "UserId" or "Id" when AccountTypes.Contains(line.EntityType ?? "") && p.Value.ValueKind == JsonValueKind.String:
                            facts.UserId ??= p.Value.GetString();
                            break;
                        case var name when name.EndsWith("By", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String:
                            facts.People.Add(p.Value.GetString()!);
                            break;
                    }
                }
            }
            catch (JsonException)
            {
                // Details that are not JSON have no finding to find.
            }
        }

        var key = int.TryParse(line.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : (int?)null;
        switch (line.EntityType)
        {
            case "Finding": facts.FindingId ??= key; break;
            case "Response": facts.ResponseId ??= key; break;
            case "ResponseRequest": facts.RequestId ??= key; break;
            case "StatusRecord": facts.StatusRecordId = key; break;
            case "ResponseStep": facts.StepId = key; break;
            case "EvidenceFile": facts.EvidenceId = key; break;
            case "FindingDepartment" when facts.FindingId is null && line.EntityKey?.Split('/')[0] is { } first
                && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var f):
                facts.FindingId = f;
                break;
        }

        return facts;
    }

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    // One query per kind of record on the page (at most six), never one per line.
    private async Task<Dictionary<int, string>> FindingNumbersAsync(IReadOnlyList<ChangeLine> lines, List<Facts> facts, CancellationToken ct)
    {
        static List<int> Ids(IEnumerable<int?> wanted) => [.. wanted.OfType<int>().Distinct()];

        var steps = Ids(facts.Select(f => f.StepId));
        var stepResponses = steps.Count == 0 ? [] : await db.ResponseSteps.AsNoTracking().Where(x => steps.Contains(x.Id))
            .Select(x => new { x.Id, x.ResponseId }).ToDictionaryAsync(x => x.Id, x => x.ResponseId, ct);
        var files = Ids(facts.Select(f => f.EvidenceId));
        var evidenceResponses = files.Count == 0 ? [] : await db.EvidenceFiles.AsNoTracking().Where(x => files.Contains(x.Id))
            .Select(x => new { x.Id, x.ResponseId }).ToDictionaryAsync(x => x.Id, x => x.ResponseId, ct);
        foreach (var f in facts)
        {
            f.ResponseId ??= Lookup(stepResponses, f.StepId) ?? Lookup(evidenceResponses, f.EvidenceId);
        }

        var responses = Ids(facts.Select(f => f.ResponseId));
        var responseFindings = responses.Count == 0 ? [] : await db.Responses.AsNoTracking().Where(x => responses.Contains(x.Id))
            .Select(x => new { x.Id, x.FindingId }).ToDictionaryAsync(x => x.Id, x => x.FindingId, ct);
        var requests = Ids(facts.Select(f => f.RequestId));
        var requestFindings = requests.Count == 0 ? [] : await db.ResponseRequests.AsNoTracking().Where(x => requests.Contains(x.Id))
            .Select(x => new { x.Id, x.FindingId }).ToDictionaryAsync(x => x.Id, x => x.FindingId, ct);
        var records = Ids(facts.Select(f => f.StatusRecordId));
        var recordFindings = records.Count == 0 ? [] : await db.StatusRecords.AsNoTracking().Where(x => records.Contains(x.Id))
            .Select(x => new { x.Id, x.FindingId }).ToDictionaryAsync(x => x.Id, x => x.FindingId, ct);
        foreach (var f in facts)
        {
            f.FindingId ??= Lookup(responseFindings, f.ResponseId) ?? Lookup(requestFindings, f.RequestId) ?? Lookup(recordFindings, f.StatusRecordId);
        }

        var wanted = Ids(facts.Select(f => f.FindingId));
        var numbers = wanted.Count == 0 ? [] : await db.Findings.AsNoTracking().Where(x => wanted.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToDictionaryAsync(x => x.Id, x => x.Number, ct);
        var result = new Dictionary<int, string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (facts[i].FindingId is { } id && numbers.TryGetValue(id, out var number))
            {
                result[i] = number;
            }
        }

        return result;
    }

    private static int? Lookup(Dictionary<int, int> map, int? id) => id is { } i && map.TryGetValue(i, out var v) ? v : null;

    private sealed class Facts
    {
        public int? FindingId { get; set; }

        public int? ResponseId { get; set; }

        public int? RequestId { get; set; }

        public int? StatusRecordId { get; set; }

        public int? StepId { get; set; }

        public int? EvidenceId { get; set; }

        public string? UserId { get; set; }

        public List<string> People { get; } = [];
    }
}
