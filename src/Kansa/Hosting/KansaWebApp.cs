using Kansa.Caching;
using Kansa.Api;
using Kansa.OpenData;
using Kansa.Reports;
using Kansa.Security;
using Kansa.SingleSignOn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kansa.Hosting;

/// <summary>Composes the web app: the same for <c>kansa serve</c>, <c>kansa demo</c> and the tests.</summary>
public static class KansaWebApp
{
    /// <summary>Builds the app (not started).</summary>
    public static WebApplication Create(KansaWebSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The pages are compiled into this assembly: name it, or a host started from another entry assembly
            // (the test runner) finds no Razor Pages and answers 404 everywhere.
            ApplicationName = typeof(KansaWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Configuration.AddEnvironmentVariables("KANSA_");
        if (settings.Settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Settings);
        }

        builder.Logging.AddKansaLogging();
        builder.Services.AddKansaData(settings.Database, builder.Configuration);
        builder.Services.AddKansaAccounts();
        builder.Services.AddKansaSingleSignOn(builder.Configuration);
        builder.Services.AddKansaForwardedHeaders(builder.Configuration);
        builder.Services.AddKansaKeyRing(settings.Database);
        builder.Services.AddKansaLoginLimit();
        builder.Services.AddKansaPublicCache(builder.Configuration, settings.Database);
        builder.Services.AddKansaPages();
        builder.Services.AddKansaApiProblems();
        builder.Services.AddKansaOpenApi();
        builder.Services.AddKansaReports(builder.Configuration);
        builder.Services.AddKansaPublicSite(builder.Configuration);

        if (settings.Time is not null)
        {
            builder.Services.AddSingleton(settings.Time);
        }

        builder.Services.AddKansaReminderJob();

        settings.Services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseKansaForwardedHeaders();
        app.UseKansaSecurityHeaders();
        app.UseKansaPublicCache();
        app.MapKansaPages();
        app.MapKansaHealth();

        // After authorization, inside the API's problem details: only answers of the routes themselves get an ETag.
        app.UseKansaApiETags();
        app.MapKansaDownloads();
        app.MapKansaReportPdf();
        app.MapKansaFeed();
        Kansa.Charts.ChartEndpoints.MapKansaCharts(app);
        app.MapFindingsApi();
        app.MapAuditsApi();
        app.MapDepartmentsApi();
        app.MapResponsesApi();
        app.MapStaffFindingsApi();
        app.MapRoundsApi();
        app.MapEvidenceApi();
        app.MapChangeLogApi();
        app.MapVocabularyApi();
        app.MapSearchApi();
        app.MapPublicReadApi();
        app.MapKansaOpenApi();
        return app;
    }

    /// <summary>The addresses a started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
}
