using Kansa.Audits;
using Kansa.ChangeLog;
using Kansa.Findings;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Security;
using Kansa.Storage;

namespace Kansa.Hosting;

/// <summary>Registers the database and the use cases the pages and the API call.</summary>
public static class DataServices
{
    /// <summary>Adds the database context (every change recorded in the change log as the signed-in person) and the use-case classes.</summary>
    public static IServiceCollection AddKansaData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IChangeActor, HttpChangeActor>();
        services.AddDbContext<KansaDbContext>((sp, o) => target.Configure(o, sp.GetRequiredService<IChangeActor>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ChangeLogWriter>();
        services.AddScoped<CurrentStaff>();
        services.AddMemoryCache(o => o.SizeLimit = 256L * 1024 * 1024);
        services.AddScoped<ReportCache>();
        services.AddScoped<LoadReportSnapshot>();
        services.AddScoped<ImportStatusReports>();
        services.AddScoped<ListAudits>();
        services.AddScoped<LoadFindingDetails>();
        services.AddKansaRegistry();
        return services;
    }
}
