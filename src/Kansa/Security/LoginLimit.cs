using Kansa.Hosting;
using System.Data.Common;
using System.Globalization;
using Kansa.Instances;

namespace Kansa.Security;

/// <summary>
/// At most <see cref="PerMinute"/> sign-in attempts a minute from one client address, counted in the database
/// (<see cref="SharedInstanceModel.ThrottleTable"/>) so that the limit holds across every app instance behind the proxy.
/// The address is the proxy's X-Forwarded-For only when it comes from a known proxy (see <see cref="ForwardedHeaders"/>).
/// </summary>
public sealed class LoginLimit(SharedConnections connections, TimeProvider time)
{
    /// <summary>Attempts allowed per address and minute.</summary>
    public const int PerMinute = 10;

    // One statement counts the attempt and answers the count, atomically on both engines (INSERT … ON CONFLICT … RETURNING).
    private const string Count =
        "INSERT INTO \"LoginThrottles\" (\"Client\", \"Minute\", \"Attempts\") VALUES (@client, @minute, 1) " +
        "ON CONFLICT (\"Client\", \"Minute\") DO UPDATE SET \"Attempts\" = \"LoginThrottles\".\"Attempts\" + 1 RETURNING \"Attempts\"";

    private const string Forget = "DELETE FROM \"LoginThrottles\" WHERE \"Minute\" < @minute";

    /// <summary>Counts one attempt; false when the address has used up its minute.</summary>
    public async Task<bool> AllowAsync(string client, CancellationToken ct)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        await using var connection = connections.Create();
        await connection.OpenAsync(ct);
        await using (var forget = connection.CreateCommand())
        {
            forget.CommandText = Forget;
            Add(forget, "minute", minute - 1);
            await forget.ExecuteNonQueryAsync(ct);
        }

        await using var count = connection.CreateCommand();
        count.CommandText = Count;
        Add(count, "client", client.Length > 64 ? client[..64] : client);
        Add(count, "minute", minute);
        var attempts = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return attempts <= PerMinute;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>Applies <see cref="LoginLimit"/> to the sign-in form's posts.</summary>
public static class LoginLimitServices
{
    /// <summary>Adds the limit.</summary>
    public static IServiceCollection AddKansaLoginLimit(this IServiceCollection services) => services.AddSingleton<LoginLimit>();

    /// <summary>
    /// Answers 429 (shown as the Japanese error page) to an attempt over the limit; reading the form is never limited.
    /// Placed where the rate limiter was: after routing, inside the error pages.
    /// </summary>
    public static IApplicationBuilder UseKansaLoginLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
            && !await context.RequestServices.GetRequiredService<LoginLimit>().AllowAsync(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await next(context);
    });
}
