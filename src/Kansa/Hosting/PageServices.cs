using System.Text.Encodings.Web;
using Kansa.Api;
using System.Text.Unicode;
using Kansa.Security;
using Microsoft.Extensions.WebEncoders;

namespace Kansa.Hosting;

/// <summary>Razor Pages, static assets and Japanese output.</summary>
public static class PageServices
{
    /// <summary>Adds Razor Pages; Japanese text is written as is, still HTML-encoded where it must be.</summary>
    public static IServiceCollection AddKansaPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Findings/Details", "audits/{key}/findings/{number}");

            // The public portal is open to everyone; everything else needs a signed-in person (the fallback policy).
            o.Conventions.AllowAnonymousToFolder("/Audits");
            o.Conventions.AllowAnonymousToFolder("/Findings");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/External");
            o.Conventions.AuthorizeFolder("/Staff", AccountServices.Staff);
            o.Conventions.AuthorizeFolder("/Staff/Registry", AccountServices.Coordinators);
            o.Conventions.AuthorizePage("/Staff/Findings/Tags", AccountServices.Coordinators);
            o.Conventions.AddPageRoute("/Staff/Registry/AuditForm", "staff/registry/audits/new");
            o.Conventions.AddPageRoute("/Staff/Registry/FindingForm", "staff/registry/audits/{key}/findings/new");
        });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>Maps static files and the pages.</summary>
    public static WebApplication MapKansaPages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseExceptionHandler("/error/500");
        app.UseKansaApiProblems();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseKansaLoginLimit();
        app.UseAuthorization();
        app.MapRazorPages();

        // An unknown address is a plain 404 (shown as the Japanese error page), not a demand to sign in.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }
}
