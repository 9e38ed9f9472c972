using Kansa.ChangeLog;
using Kansa.Hosting;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary>
/// The services a command uses: the same core registrations as the web app (<see cref="CoreServices"/>), acting as the
/// command line or, for a command run <c>--as</c> someone, as that person.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(DatabaseTarget target, Action<IServiceCollection>? more = null, IChangeActor? actor = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(actor ?? FixedActor.CommandLine);
        services.AddKansaCore(target, Configuration());
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>A scope of <see cref="Build"/>'s services for one command: its use cases share one database context.</summary>
    public static CliScope Scope(DatabaseTarget target, IChangeActor? actor = null) => new(Build(target, null, actor));

    /// <summary>The settings a command shares with the web app: appsettings.json beside the program, then the environment.</summary>
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("KANSA_")
            .Build();
}

/// <summary>One command's services: <see cref="Get{T}"/> resolves a use case, all of them on the same context.</summary>
internal sealed class CliScope(ServiceProvider provider) : IAsyncDisposable
{
    private readonly AsyncServiceScope scope = provider.CreateAsyncScope();

    /// <summary>The database context the scope's use cases work on.</summary>
    public KansaDbContext Context => Get<KansaDbContext>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
