using Kansa.Reminders;

namespace Kansa.Hosting;

/// <summary>The reminder job of the web app (its use cases and settings are in <see cref="CoreServices"/>).</summary>
public static class FollowUpServices
{
    /// <summary>Adds the reminder job that runs in the web app.</summary>
    public static IServiceCollection AddKansaReminderJob(this IServiceCollection services)
    {
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
