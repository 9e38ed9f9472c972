using System.Security.Claims;
using Kansa.Accounts;

namespace Kansa.Security;

/// <summary>The <see cref="StaffUser"/> of the current request, loaded once per request.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http, LoadStaffUser load)
{
    private StaffUser? cached;

    /// <summary>The signed-in person, or null for an anonymous request.</summary>
    public async Task<StaffUser?> GetAsync(CancellationToken ct)
    {
        if (cached is not null)
        {
            return cached;
        }

        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : cached = await load.RunAsync(id, ct);
    }
}
