using Kansa.Responses;
using Kansa.Rounds;
using Kansa.Status;

namespace Kansa.Hosting;

/// <summary>The use cases of the response lifecycle and publication rounds.</summary>
public static class WorkflowServices
{
    /// <summary>Adds them, scoped like the database context they use.</summary>
    public static IServiceCollection AddKansaWorkflow(this IServiceCollection services)
    {
        services.AddScoped<RequestResponse>();
        services.AddScoped<WorkList.RequestResponses>();
        services.AddScoped<WorkList.ListWorkItems>();
        services.AddScoped<MoveDueDate>();
        services.AddScoped<DraftResponse>();
        services.AddScoped<EditResponse>();
        services.AddScoped<SubmitResponse>();
        services.AddScoped<ApproveResponse>();
        services.AddScoped<ReturnResponse>();
        services.AddScoped<CorrectPublishedResponse>();
        services.AddScoped<LoadResponse>();
        services.AddScoped<LoadFindingWorkflow>();
        services.AddScoped<LoadWordChoices>();
        services.AddScoped<ChooseWords>();
        services.AddScoped<OpenRound>();
        services.AddScoped<ListRounds>();
        services.AddScoped<PreviewRound>();
        services.AddScoped<PublishRound>();
        services.AddScoped<CancelRound>();
        services.AddScoped<RoundChanges>();
        services.AddScoped<Kansa.Reports.CompareSnapshots>();
        return services;
    }
}
