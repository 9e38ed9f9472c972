using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Kansa.Reports;

/// <summary>The official report's services, the same for the web app and the command line.</summary>
public static class ReportServices
{
    /// <summary>
    /// Adds the report's renderer and the PDF printer. The HTML encoder lets every Unicode range through, exactly as
    /// the pages' WebEncoderOptions do, so the command line's HTML matches the web page's byte for byte.
    /// </summary>
    public static IServiceCollection AddKansaReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<PdfSettings>(configuration.GetSection(PdfSettings.Section));
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<ReportHtml>();
        return services;
    }
}
