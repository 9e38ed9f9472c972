using Kansa.Findings;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;

namespace Kansa.Api;

/// <summary>/api/v1/findings: a finding with its history, and its registry fields (coordinators).</summary>
public static class FindingsApi
{
    /// <summary>Maps the finding endpoints.</summary>
    public static WebApplication MapFindingsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/findings").RequireAuthorization(AccountServices.Staff);
        // Published data: anyone reads a finding and its history, as its public page shows it (without who recorded what).
        group.MapGet("/{number}", async (string number, string? audit, CurrentStaff current, LoadFindingRecord load, CancellationToken ct) =>
            await current.GetAsync(ct) is { } user
                ? (await load.RunAsync(user, number, audit, ct)).ToHttp(ToJson)
                : (await load.RunAsync(PublicReader, number, audit, ct)).ToHttp(f => ToJson(f) with { History = [.. ToJson(f).History.Select(h => h with { RecordedBy = null })] }))
            .AllowAnonymous().WithName("GetFinding").WithSummary("指摘・意見と状況の履歴");
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
    IReadOnlyList<HistoryJson> History);

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
