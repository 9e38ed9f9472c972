namespace Kansa.AuditTrail;

/// <summary>Who is acting, for the audit log.</summary>
public interface IAuditActor
{
    /// <summary>user:LOGIN, cli:OSUSER, anonymous or system.</summary>
    string Name { get; }
}

/// <summary>A fixed actor: the command line, tests and background jobs.</summary>
/// <param name="Name">The actor's name.</param>
public sealed record FixedActor(string Name) : IAuditActor
{
    /// <summary>The person running the command line.</summary>
    public static FixedActor CommandLine { get; } = new("cli:" + Environment.UserName);
}
