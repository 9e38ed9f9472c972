using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kansa.Hosting;

/// <summary>
/// Settings of the reverse proxy in front of Kansa (section <c>Kansa:ForwardedHeaders</c>): only requests coming from
/// these addresses may say, with X-Forwarded-For and X-Forwarded-Proto, who the client is and that it used HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "Kansa:ForwardedHeaders";

    /// <summary>Proxy addresses (<c>10.0.0.5</c>); when neither list is set, only loopback (a proxy on the same machine).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind a TLS proxy: the client's address (for the per-address sign-in limit and the change log) and scheme (for
/// Secure cookies and HSTS) come from the proxy's headers, and only from a known proxy, never from anyone who sends them.
/// </summary>
public static class ForwardedHeaders
{
    /// <summary>Reads the settings; a malformed address stops the start with a Japanese message naming the setting.</summary>
    public static IServiceCollection AddKansaForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            if (settings.KnownProxies.Count == 0 && settings.KnownNetworks.Count == 0)
            {
                // The framework's defaults: 127.0.0.0/8 and ::1.
                return;
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var (value, i) in settings.KnownProxies.Select((v, i) => (v, i)))
            {
                o.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                    ? address
                    : throw new InvalidOperationException($"設定 {ForwardedHeadersSettings.Section}:KnownProxies:{i}: 「{value}」は IP アドレスではありません。"));
            }

            foreach (var (value, i) in settings.KnownNetworks.Select((v, i) => (v, i)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                    ? network
                    : throw new InvalidOperationException($"設定 {ForwardedHeadersSettings.Section}:KnownNetworks:{i}: 「{value}」はネットワーク (例 10.0.0.0/24) ではありません。"));
            }
        });
        return services;
    }

    /// <summary>Applies the proxy's headers first, so that everything after sees the real client and scheme.</summary>
    public static IApplicationBuilder UseKansaForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
