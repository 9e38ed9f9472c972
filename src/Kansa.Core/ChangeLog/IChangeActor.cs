namespace Kansa.ChangeLog;

/// <summary>Who is acting, for the change log.</summary>
public interface IChangeActor
{
    /// <summary>user:LOGIN, cli:OSUSER, anonymous or system.</summary>
    string Name { get; }
}

/// <summary>A fixed actor: the command line, tests and background jobs.</summary>
/// <param name="Name">The actor's name.</param>
public sealed record FixedActor(string Name) : IChangeActor
{
    /// <summary>The person running the command line.</summary>
    public static FixedActor CommandLine { get; } = new("cli:" + Environment.UserName);
}
