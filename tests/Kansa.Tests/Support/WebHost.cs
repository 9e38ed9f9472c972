using Kansa.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Kansa.Storage;
using Microsoft.AspNetCore.Builder;

namespace Kansa.Tests.Support;

/// <summary>The real web app on Kestrel, on a free loopback port.</summary>
public sealed class WebHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The base address.</summary>
    public Uri Address { get; }

    /// <summary>Every endpoint the app maps.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
    /// <summary>The app's services (its background jobs, for tests that watch them).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>A client for the app.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the app on the database.</summary>
    public static async Task<WebHost> StartAsync(DatabaseTarget target, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var app = KansaWebApp.Create(new KansaWebSettings(target, "http://127.0.0.1:0", settings, time) { Services = services });
        await app.StartAsync();
        return new WebHost(app, new Uri(KansaWebApp.Addresses(app)[0]));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
