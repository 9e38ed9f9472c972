using Kansa.Storage;

namespace Kansa.Hosting;

/// <summary>What the web app needs to start: its database and where to listen.</summary>
/// <param name="Database">The database.</param>
/// <param name="Urls">Listening URLs, separated by ';'. Port 0 picks a free port.</param>
/// <param name="Settings">Settings laid over appsettings.json and the environment (Kansa:Mail:Host …), e.g. by tests.</param>
/// <param name="Time">The clock, when not the system's (tests move it by hand).</param>
public sealed record KansaWebSettings(DatabaseTarget Database, string Urls, IReadOnlyDictionary<string, string?>? Settings = null, TimeProvider? Time = null)
{
    /// <summary>Registrations applied after the app's own, e.g. by tests that replace a service to watch it.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
