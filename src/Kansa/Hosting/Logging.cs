namespace Kansa.Hosting;

/// <summary>Logging of the web app: warnings and errors, all on stderr so stdout stays the command's own.</summary>
public static class Logging
{
    /// <summary>Sends console logs to stderr and keeps framework chatter out unless it matters.</summary>
    public static ILoggingBuilder AddKansaLogging(this ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        return logging;
    }
}
