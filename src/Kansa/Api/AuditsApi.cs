using Kansa.Audits;
using Kansa.Findings;
using Kansa.Responses;
using Kansa.Security;

namespace Kansa.Api;

/// <summary>/api/v1/audits: registering and editing audits, and adding findings to them (coordinators).</summary>
public static class AuditsApi
{
    /// <summary>Maps the audit endpoints.</summary>
    public static WebApplication MapAuditsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/audits").RequireAuthorization(AccountServices.Coordinators);
        group.MapPost("/", (AuditRequest body, CurrentStaff current, CreateAudit create, CancellationToken ct) =>
            current.AsStaffAsync(async user => (await create.RunAsync(user, body.Fields(), ct)).ToCreated(ToJson), ct));
        group.MapPut("/{key}", (string key, AuditRequest body, CurrentStaff current, EditAudit edit, CancellationToken ct) =>
            current.AsStaffAsync(async user => (await edit.RunAsync(user, key, body.Fields(), body.Version, ct)).ToHttp(ToJson), ct));
        group.MapPost("/{key}/findings", (string key, NewFindingRequest body, CurrentStaff current, CreateFinding create, LoadFindingRecord load, CancellationToken ct) =>
            current.AsStaffAsync(async user =>
            {
                var created = await create.RunAsync(user, key, body.Number, body.Category, new FindingFields(body.Title, body.Excerpt, body.ReportPages, body.Departments), ct);
                return created.Succeeded
                    ? (await load.RunAsync(user, created.Value.Number, key, ct)).ToCreated(FindingsApi.ToJson)
                    : ApiResults.Problem(created.Kind, created.Problems);
            }, ct));
        return app;
    }

    private static AuditJson ToJson(Audit a) =>
        new(a.Key, a.Kind, a.FiscalYear, FiscalYears.Label(a.FiscalYear), a.Theme, a.Auditor, a.ReportDate, a.Version);
}

/// <summary>An audit as a coordinator sends it; kind and fiscal year only when creating.</summary>
public sealed record AuditRequest(string? Kind, int? FiscalYear, string? Theme, string? Auditor, DateOnly? ReportDate, Guid? Version)
{
    /// <summary>The fields for the use cases.</summary>
    public AuditFields Fields() => new(Kind, FiscalYear, Theme, Auditor, ReportDate);
}

/// <summary>A new finding of an audit.</summary>
public sealed record NewFindingRequest(string? Number, string? Category, string? Title, string? Excerpt, string? ReportPages, IReadOnlyList<string>? Departments);

/// <summary>An audit as the API answers it.</summary>
public sealed record AuditJson(string Key, string Kind, int FiscalYear, string FiscalYearLabel, string? Theme, string? Auditor, DateOnly? ReportDate, Guid Version);
