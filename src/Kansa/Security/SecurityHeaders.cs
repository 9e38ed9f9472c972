namespace Kansa.Security;

/// <summary>Headers every response carries: a strict CSP (no inline script, nothing from outside), the usual hardening, HSTS over HTTPS.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Adds the headers to every response. They are written when the response starts, not when the request comes in:
    /// the exception handler clears the headers before it renders the error page, and that page needs them too.
    /// </summary>
    public static IApplicationBuilder UseKansaSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";

            // HSTS only over HTTPS (RFC 6797 8.1), which behind a proxy is known from a trusted X-Forwarded-Proto.
            if (((HttpResponse)state).HttpContext.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }
            return Task.CompletedTask;
        }, context.Response);
        await next(context);
    });
}
