using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kansa;

/// <summary>
/// The one registration of every use case of the core, called by the web app and the command line alike, so that a
/// page, an API route and a command get the same class built the same way. Scoped like the database context they use.
/// A new use case is added here, under its folder; UseCaseRegistrationTests fails for one that is missing.
/// </summary>
public static class UseCaseSetup
{
    /// <summary>Adds every use case, area by area.</summary>
    public static IServiceCollection AddKansaUseCases(this IServiceCollection services)
    {
        // Accounts
        services.AddScoped<Accounts.AddUser>();
        services.AddScoped<Accounts.ApiTokens>();
        services.AddScoped<Accounts.LoadStaffUser>();
        services.AddScoped<Accounts.ResolveActorNames>();
        // Audits
        services.AddScoped<Audits.CreateAudit>();
        services.AddScoped<Audits.EditAudit>();
        services.AddScoped<Audits.ListAudits>();
        services.AddScoped<Audits.LoadAuditRegistry>();
        // Backups
        services.AddScoped<Backups.CreateBackup>();
        services.AddScoped<Backups.RestoreBackup>();
        // ChangeLog
        services.AddScoped<ChangeLog.ChangeLogWriter>();
        services.AddScoped<ChangeLog.ExplainChangeLines>();
        services.AddScoped<ChangeLog.ExportChangeLog>();
        services.AddScoped<ChangeLog.SearchChangeLog>();
        // Dashboards
        services.AddScoped<Dashboards.LoadDashboard>();
        // Departments
        services.AddScoped<Departments.CreateDepartment>();
        services.AddScoped<Departments.ListDepartments>();
        services.AddScoped<Departments.MergeDepartment>();
        services.AddScoped<Departments.RenameDepartment>();
        // Evidence
        services.AddScoped<Evidence.AttachEvidence>();
        services.AddScoped<Evidence.DownloadEvidence>();
        services.AddScoped<Evidence.ListEvidence>();
        // Findings
        services.AddScoped<Findings.CreateFinding>();
        services.AddScoped<Findings.EditFinding>();
        services.AddScoped<Findings.LoadFindingDetails>();
        services.AddScoped<Findings.LoadFindingRecord>();
        // Import
        services.AddScoped<Import.ImportStatusReports>();
        // Insight
        services.AddScoped<Insight.LoadAuditProgress>();
        services.AddScoped<Insight.LoadDepartmentOverviews>();
        services.AddScoped<Insight.LoadFindingAges>();
        // Recurrence: one index per data version for the whole process (web app or command).
        services.AddScoped<Recurrence.LoadRecurrence>();
        services.TryAddSingleton<Recurrence.RecurrenceIndexCache>();
        services.AddScoped<Recurrence.ChangeLogTip>();
        services.TryAddScoped<Recurrence.IDataVersion>(s => s.GetRequiredService<Recurrence.ChangeLogTip>());
        // Reminders
        services.AddScoped<Reminders.FindDueNotices>();
        services.AddScoped<Reminders.SendReminders>();
        // Reports
        services.AddScoped<Reports.CompareSnapshots>();
        services.AddScoped<Reports.ListPublications>();
        services.AddScoped<Reports.LoadOfficialReport>();
        services.AddScoped<Reports.LoadAuditPage>();
        services.AddScoped<Reports.LoadReportSnapshot>();
        // Responses
        services.AddScoped<Responses.ApproveResponse>();
        services.AddScoped<Responses.CorrectPublishedResponse>();
        services.AddScoped<Responses.DraftResponse>();
        services.AddScoped<Responses.EditResponse>();
        services.AddScoped<Responses.LoadFindingWorkflow>();
        services.AddScoped<Responses.LoadResponse>();
        services.AddScoped<Responses.MoveDueDate>();
        services.AddScoped<Responses.RequestResponse>();
        services.AddScoped<Responses.ReturnResponse>();
        services.AddScoped<Responses.SubmitResponse>();
        // Rounds
        services.AddScoped<Rounds.CancelRound>();
        services.AddScoped<Rounds.ListRounds>();
        services.AddScoped<Rounds.OpenRound>();
        services.AddScoped<Rounds.PreviewRound>();
        services.AddScoped<Rounds.PublishRound>();
        services.AddScoped<Rounds.RoundChanges>();
        // Search
        services.AddScoped<Search.SearchChoices>();
        services.AddScoped<Search.SearchFindings>();
        // Sheets
        services.AddScoped<Sheets.CheckDepartmentSheets>();
        services.AddScoped<Sheets.ExportDepartmentSheets>();
        services.AddScoped<Sheets.ImportDepartmentSheets>();
        services.AddScoped<Sheets.LoadDepartmentSheets>();
        // Status
        services.AddScoped<Status.ChooseWords>();
        services.AddScoped<Status.LoadWordChoices>();
        // Tags
        services.AddScoped<Tags.LoadTags>();
        services.AddScoped<Tags.SuggestTags>();
        services.AddScoped<Tags.TagFinding>();
        // WorkList
        services.AddScoped<WorkList.ListWorkItems>();
        services.AddScoped<WorkList.RequestResponses>();
        return services;
    }
}
