using Kansa.Findings;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;
using Kansa.Tags;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Api;

/// <summary>/api/v1/findings: a finding with its history, and its registry fields (coordinators).</summary>
public static class FindingsApi
{
    /// <summary>Maps the finding endpoints.</summary>
    public static WebApplication MapFindingsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/findings").RequireAuthorization(AccountServices.Staff);
        // Published data: anyone reads a finding and its history, as its public page shows it (without who recorded what).
        group.MapGet("/{number}", async (string number, string? audit, CurrentStaff current, LoadFindingRecord load, LoadTags tags, CancellationToken ct) =>
            await current.GetAsync(ct) is { } user
                ? await WithTagsAsync(await load.RunAsync(user, number, audit, ct), tags, staff: true, ct)
                : await WithTagsAsync(await load.RunAsync(PublicReader, number, audit, ct), tags, staff: false, ct))
            .AllowAnonymous().WithName("GetFinding").WithSummary("指摘・意見と状況の履歴");
        // Tags: a coordinator's; the whole set is sent, so a retried request changes nothing more.
        group.MapPut("/{number}/tags", (string number, string? audit, TagsRequest body, CurrentStaff current, TagFinding use, CancellationToken ct) =>
            current.AsStaffAsync(async user =>
            {
                var set = await use.SetAsync(user, number, audit, body.Tags, ct);
                return set.Succeeded ? TypedResults.Ok(new TagsJson(set.Value)) : ApiResults.Problem(set.Kind, set.Problems);
            }, ct)).RequireAuthorization(AccountServices.Coordinators).WithName("SetFindingTags").WithSummary("指摘・意見のタグを置き換える (取りまとめ担当)");
        group.MapPut("/{number}", (string number, string? audit, FindingRequest body, CurrentStaff current, EditFinding edit, LoadFindingRecord load, CancellationToken ct) =>
            current.AsStaffAsync(async user =>
            {
                var edited = await edit.RunAsync(user, number, audit, body.Fields(), body.Version, ct);
                return edited.Succeeded
                    ? (await load.RunAsync(user, edited.Value.Number, edited.Value.Audit!.Key, ct)).ToHttp(ToJson)
                    : ApiResults.Problem(edited.Kind, edited.Problems);
            }, ct)).RequireAuthorization(AccountServices.Coordinators);
        return app;
    }

    // Staff read every tag; anonymous readers what the public page shows: no recorder, and the tags only once the
    // finding's status is published.
    private static async Task<Results<Ok<FindingJson>, ProblemHttpResult>> WithTagsAsync(Outcome<FindingAsOf> found, LoadTags tags, bool staff, CancellationToken ct)
    {
        if (!found.Succeeded)
        {
            return found.ToHttp(ToJson);
        }

        var f = found.Value;
        var json = staff ? ToJson(f) : ToJson(f) with { History = [.. ToJson(f).History.Select(h => h with { RecordedBy = null })] };
        return TypedResults.Ok(!staff && Pages.PublicWording.IsUnpublished(f) ? json : json with { Tags = await tags.OfFindingAsync(f.Id, ct) });
    }

    /// <summary>An anonymous reader reads what every staff role reads of the published data.</summary>
    private static readonly Accounts.StaffUser PublicReader = new("", "", new HashSet<string> { Accounts.Roles.Viewer }, new HashSet<int>());

    /// <summary>The JSON of a finding: registry fields as in the open data, plus version and the full history.</summary>
    internal static FindingJson ToJson(FindingAsOf r) => new(
        r.AuditKey, r.AuditKind, r.FiscalYear, r.Number, r.Category.Label(), r.Sequence, r.ReportPages, r.PageFrom, r.PageTo,
        r.Departments, r.Title, r.Excerpt, r.Version, r.Status, r.State.Code(), r.Published?.ToString(), r.Response,
        [.. r.History.Select(h => new HistoryJson(
            h.Status, h.State.Code(), h.Published?.ToString(), h.AsOf.ToString(), h.Response, h.Source,
            h.ResponseId, h.CorrectionReason is not null, h.CorrectionReason, h.RecordedBy, h.RecordedAt))]);
}

/// <summary>The registry fields a coordinator sends, with the version they read.</summary>
public sealed record FindingRequest(string? Title, string? Excerpt, string? ReportPages, IReadOnlyList<string>? Departments, Guid? Version)
{
    /// <summary>The fields for the use case.</summary>
    public FindingFields Fields() => new(Title, Excerpt, ReportPages, Departments);
}

/// <summary>A finding as the API answers it.</summary>
public sealed record FindingJson(
    string Audit,
    string AuditKind,
    int FiscalYear,
    string Number,
    string Category,
    int Sequence,
    string? ReportPages,
    int? PageFrom,
    int? PageTo,
    IReadOnlyList<string> Departments,
    string? Title,
    string? Excerpt,
    Guid Version,
    string Status,
    string State,
    string? Published,
    string? Response,
    IReadOnlyList<HistoryJson> History)
{
    /// <summary>The tags a coordinator set (再委託); on anonymous reads, only once the finding's status is published.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>The tags a coordinator sends: the finding's whole set.</summary>
/// <param name="Tags">The tags (each trimmed and NFKC-folded; at most <see cref="TextLimits.TagsPerFinding"/>).</param>
public sealed record TagsRequest(IReadOnlyList<string?>? Tags);

/// <summary>A finding's tags after the change.</summary>
/// <param name="Tags">The tags, in the order they were added.</param>
public sealed record TagsJson(IReadOnlyList<string> Tags);

/// <summary>One status record of a finding; a correction (訂正) carries its reason.</summary>
public sealed record HistoryJson(
    string Status,
    string State,
    string? Published,
    string AsOf,
    string? Response,
    string Source,
    int? ResponseId,
    bool Correction,
    string? CorrectionReason,
    string? RecordedBy,
    DateTimeOffset RecordedAt);
