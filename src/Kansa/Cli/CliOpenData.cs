using Kansa.Reports;

namespace Kansa.Cli;

/// <summary>The open-data settings a command shares with the web app (the licence), read from the same places.</summary>
internal static class CliOpenData
{
    /// <summary>The city's licence (Kansa:OpenData:License), or the default.</summary>
    public static OpenDataLicense License()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("KANSA_")
            .Build();
        return (configuration.GetSection(OpenDataLicense.Section).Get<OpenDataLicense>() ?? OpenDataLicense.Default).OrDefault();
    }
}
