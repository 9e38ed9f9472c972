using Kansa.ChangeLog;
using Kansa.OpenData;
using Kansa.Security;
using Kansa.Storage;

namespace Kansa.Hosting;

/// <summary>Registers the core the web app shares with the command line, acting as the signed-in person.</summary>
public static class DataServices
{
    /// <summary>Adds the core (<see cref="CoreServices"/>), every change recorded as the signed-in person, and the web's caches.</summary>
    public static IServiceCollection AddKansaData(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IChangeActor, HttpChangeActor>();
        services.AddKansaCore(target, configuration);
        services.AddScoped<CurrentStaff>();
        services.AddMemoryCache(o => o.SizeLimit = 256L * 1024 * 1024);
        services.AddScoped<ReportCache>();
        return services;
    }
}
