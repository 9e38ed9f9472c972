using Kansa.ChangeLog;

namespace Kansa.Security;

/// <summary>The signed-in person of the current request, for the change log; "system" outside requests.</summary>
public sealed class HttpChangeActor(IHttpContextAccessor http) : IChangeActor
{
    /// <inheritdoc />
    public string Name => http.HttpContext is null
        ? "system" // background jobs (reminders) run outside any request
        : http.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "anonymous";
}
