using Kansa.ChangeLog;
using Kansa.Dashboards;
using Kansa.Evidence;
using Kansa.Reminders;

namespace Kansa.Hosting;

/// <summary>Evidence files, reminders, dashboards and the change-log pages: their settings and use cases.</summary>
public static class FollowUpServices
{
    /// <summary>Adds the settings (Kansa:Evidence, Kansa:Mail, Kansa:Reminders) and the use cases; no background job.</summary>
    public static IServiceCollection AddKansaFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceSettings>().Bind(configuration.GetSection(EvidenceSettings.Section));
        services.AddOptions<MailSettings>().Bind(configuration.GetSection(MailSettings.Section));
        services.AddOptions<ReminderSettings>().Bind(configuration.GetSection(ReminderSettings.Section));
        services.AddScoped<AttachEvidence>();
        services.AddScoped<ListEvidence>();
        services.AddScoped<DownloadEvidence>();
        services.AddScoped<FindDueNotices>();
        services.AddScoped<SendReminders>();
        services.AddScoped<LoadDashboard>();
        services.AddScoped<SearchChangeLog>();
        services.AddScoped<Kansa.Accounts.ResolveActorNames>();
        services.AddScoped<ExplainChangeLines>();
        services.AddScoped<ExportChangeLog>();
        return services;
    }

    /// <summary>Adds the reminder job that runs in the web app.</summary>
    public static IServiceCollection AddKansaReminderJob(this IServiceCollection services)
    {
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
