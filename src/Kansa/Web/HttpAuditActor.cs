using Kansa.AuditTrail;

namespace Kansa.Web;

/// <summary>The signed-in person of the current request, for the audit log.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    /// <inheritdoc />
    public string Name => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "anonymous";
}
