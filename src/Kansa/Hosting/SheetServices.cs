using Kansa.Sheets;

namespace Kansa.Hosting;

/// <summary>The use cases of department sheets (所管課シート): export, check, import.</summary>
public static class SheetServices
{
    /// <summary>Adds them, scoped like the database context and the workflow use cases they use.</summary>
    public static IServiceCollection AddKansaSheets(this IServiceCollection services)
    {
        services.AddScoped<ExportDepartmentSheets>();
        services.AddScoped<CheckDepartmentSheets>();
        services.AddScoped<ImportDepartmentSheets>();
        return services;
    }
}
