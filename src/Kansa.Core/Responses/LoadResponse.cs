using Kansa.Accounts;
using Kansa.Storage;

namespace Kansa.Responses;

/// <summary>One response with its steps, for those who may read its finding.</summary>
public sealed class LoadResponse(KansaDbContext db)
{
    /// <summary>The response, or NotFound for one that does not exist or that the person may not read.</summary>
    public async Task<Outcome<ResponseView>> RunAsync(StaffUser user, int id, CancellationToken ct)
    {
        var loaded = await ResponseGate.LoadAsync(db, user, id, ct);
        return loaded.Succeeded ? Outcome<ResponseView>.Ok(loaded.Value.View) : loaded.As<ResponseView>();
    }
}
