namespace Kansa.ChangeLog;

/// <summary>
/// One line of the append-only change log (R5-指-3): who did what, when, with the values before and after.
/// Each line carries the hash of the previous one, so that a changed or removed line breaks the chain.
/// </summary>
public sealed class ChangeEntry
{
    /// <summary>The table's name in both engines (see KansaDbContext: kept from before the rename).</summary>
    public const string TableName = "AuditEntries";

    /// <summary>Database identity.</summary>
    public long Id { get; set; }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When, to the millisecond (every engine stores that exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who: user:LOGIN, cli:OSUSER, anonymous, system.</summary>
    public required string Actor { get; set; }

    /// <summary>What: create, update, delete, login, login-failed, export, download ….</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing concerned (Finding, StatusRecord …), if any.</summary>
    public string? EntityType { get; set; }

    /// <summary>Its key, if any.</summary>
    public string? EntityKey { get; set; }

    /// <summary>Values before the change, as JSON.</summary>
    public string? Before { get; set; }

    /// <summary>Values after the change, or details of the event, as JSON.</summary>
    public string? After { get; set; }

    /// <summary>Hash of the previous line ("" for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of this line's fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = "";
}
