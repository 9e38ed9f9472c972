using System.Text.Json;
using Kansa.Storage;

namespace Kansa.ChangeLog;

/// <summary>Records events that change nothing in the data but must be traceable: logins, exports, downloads.</summary>
public sealed class ChangeLogWriter(KansaDbContext db, IChangeActor actor, TimeProvider time)
{
    /// <summary>Appends one line to the log and saves it at once.</summary>
    public async Task RecordAsync(string action, string? entityType, string? entityKey, object? details, CancellationToken ct)
    {
        db.ChangeEntries.Add(new ChangeEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            After = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
        });
        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
