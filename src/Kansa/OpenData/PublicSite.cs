using Kansa.Calendar;
using Kansa.Reports;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kansa.OpenData;

/// <summary>What every public page states about the data: its licence and when it last changed (更新日).</summary>
public sealed class PublicSite(KansaDbContext db, IOptions<OpenDataLicense> license)
{
    /// <summary>The URL of the JSON Schema, next to the open data.</summary>
    public const string SchemaPath = "/open-data/kansa-1.schema.json";

    /// <summary>The Atom feed of publications.</summary>
    public const string FeedPath = "/feed.atom";

    /// <summary>The city's licence (the default when not set).</summary>
    public OpenDataLicense License => license.Value.OrDefault();

    /// <summary>
    /// The day in Japan the published data last changed: when the newest status record (an import, a round, a correction)
    /// was stored; null before any. Found by the primary key, not by scanning the dates: records are only ever appended,
    /// so the highest id is the latest, and the lookup stays one index probe with millions of rows.
    /// </summary>
    public async Task<DateOnly?> LastUpdatedAsync(CancellationToken ct)
    {
        var latest = await db.StatusRecords.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => (DateTimeOffset?)r.RecordedAt).FirstOrDefaultAsync(ct);
        return latest is { } at ? WarekiDate.DayInJapan(at) : null;
    }
}

/// <summary>Registers what the public pages, the open data and the feed share.</summary>
public static class PublicSiteServices
{
    /// <summary>Adds <see cref="PublicSite"/> and the licence setting (the feed's query is a use case: <see cref="UseCaseSetup"/>).</summary>
    public static IServiceCollection AddKansaPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpenDataLicense>(configuration.GetSection(OpenDataLicense.Section));
        services.AddScoped<PublicSite>();
        return services;
    }
}
