using Kansa.Accounts;
using Kansa.ChangeLog;
using Kansa.Evidence;
using Kansa.Reminders;
using Kansa.Storage;

namespace Kansa.Hosting;

/// <summary>
/// What the web app and the command line share, registered once: the database, accounts, the settings the use cases
/// read and every use case. Each host adds only who the actor is (<see cref="IChangeActor"/>) and its own parts.
/// </summary>
public static class CoreServices
{
    /// <summary>Adds the database of <paramref name="target"/>, identity, the use cases and their settings.</summary>
    public static IServiceCollection AddKansaCore(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<KansaDbContext>((sp, o) => target.Configure(o, sp.GetRequiredService<IChangeActor>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKansaIdentityCore();
        services.Configure<PasswordWords>(configuration.GetSection(PasswordWords.Section));
        services.AddOptions<EvidenceSettings>().Bind(configuration.GetSection(EvidenceSettings.Section));
        services.AddOptions<MailSettings>().Bind(configuration.GetSection(MailSettings.Section));
        services.AddOptions<ReminderSettings>().Bind(configuration.GetSection(ReminderSettings.Section));
        services.AddKansaUseCases();
        return services;
    }
}
