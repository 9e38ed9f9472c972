using Kansa.Storage;
using Kansa.Web;
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

    /// <summary>The app's services (its background jobs, for tests that watch them).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>A client for the app.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the app on the database.</summary>
    public static Task<WebHost> StartAsync(DatabaseTarget target) => StartAsync(target, null, null);

    /// <summary>Starts the app on the database with settings (Kansa:Mail:Host …) and, optionally, a clock moved by hand.</summary>
    public static async Task<WebHost> StartAsync(DatabaseTarget target, IReadOnlyDictionary<string, string?>? settings, TimeProvider? time)
    {
        var app = KansaWebApp.Create(new KansaWebSettings(target, "http://127.0.0.1:0", settings, time));
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
