using System.Text.Json;
using Kansa.Storage;

namespace Kansa.ChangeLog;

/// <summary>Records events that change nothing in the data but must be traceable: logins, exports, downloads.</summary>
public sealed class ChangeLogWriter(KansaDbContext db, IChangeActor actor, TimeProvider time)
{
    /// <summary>Appends one line to the log, in the name of the current actor, and saves it at once.</summary>
    public Task RecordAsync(string action, string? entityType, string? entityKey, object? details, CancellationToken ct) =>
        RecordAsAsync(actor.Name, action, entityType, entityKey, details, ct);

    /// <summary>
    /// Appends one line in the name of <paramref name="actorName"/> (<c>user:LOGIN</c>, <c>sso:SUBJECT</c>): for a
    /// sign-in, whose request is still anonymous while the line is about the person signing in.
    /// </summary>
    public async Task RecordAsAsync(string actorName, string action, string? entityType, string? entityKey, object? details, CancellationToken ct)
    {
        db.ChangeEntries.Add(new ChangeEntry
        {
            At = time.GetUtcNow(),
            Actor = actorName,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            After = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
        });
        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
