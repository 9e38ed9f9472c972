using Kansa.Accounts;
using Kansa.AuditTrail;
using Kansa.Findings;
using Kansa.Storage;
using Microsoft.AspNetCore.Identity;

namespace Kansa.Cli;

/// <summary>The services a command needs (accounts, database), as the web app registers them, acting as the command line.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(DatabaseTarget target, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAuditActor>(FixedActor.CommandLine);
        services.AddDbContext<KansaDbContext>((sp, o) => target.Configure(o, sp.GetRequiredService<IAuditActor>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKansaIdentityCore();
        services.AddKansaRegistry();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
