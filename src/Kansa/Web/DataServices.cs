using Kansa.Import;
using Kansa.Reports;
using Kansa.Storage;

namespace Kansa.Web;

/// <summary>Registers the database and the use cases the pages call.</summary>
public static class DataServices
{
    /// <summary>Adds the database context on the target and the use-case classes.</summary>
    public static IServiceCollection AddKansaData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddDbContext<KansaDbContext>(target.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<LoadReportSnapshot>();
        services.AddScoped<ImportStatusReports>();
        services.AddScoped<Audits.ListAudits>();
        services.AddScoped<Findings.LoadFindingDetails>();
        return services;
    }
}
