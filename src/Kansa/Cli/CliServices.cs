using Kansa.Accounts;
using Kansa.ChangeLog;
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
        services.AddSingleton<IChangeActor>(FixedActor.CommandLine);
        services.AddDbContext<KansaDbContext>((sp, o) => target.Configure(o, sp.GetRequiredService<IChangeActor>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKansaIdentityCore();
        services.AddKansaRegistry();
        // The same settings as the web app reads (appsettings.json beside the program, then the environment), for the
        // settings a command shares with it: the city's words the password check refuses.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("KANSA_")
            .Build();
        services.Configure<PasswordWords>(configuration.GetSection(PasswordWords.Section));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The settings a command shares with the web app: appsettings.json beside the program, then the environment.</summary>
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("KANSA_")
            .Build();
}
