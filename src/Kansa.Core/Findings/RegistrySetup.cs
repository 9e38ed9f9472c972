using Kansa.Audits;
using Kansa.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Findings;

/// <summary>Registers the registry use cases (audits, findings, departments) for the pages, the API and the CLI.</summary>
public static class RegistrySetup
{
    /// <summary>Adds the registry use cases.</summary>
    public static IServiceCollection AddKansaRegistry(this IServiceCollection services)
    {
        services.AddScoped<CreateAudit>();
        services.AddScoped<EditAudit>();
        services.AddScoped<LoadAuditRegistry>();
        services.AddScoped<CreateFinding>();
        services.AddScoped<EditFinding>();
        services.AddScoped<LoadFindingRecord>();
        services.AddScoped<CreateDepartment>();
        services.AddScoped<RenameDepartment>();
        services.AddScoped<MergeDepartment>();
        services.AddScoped<ListDepartments>();
        return services;
    }
}
