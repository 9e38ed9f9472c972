using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Accounts;

/// <summary>
/// The names staff read for the actors the change log and the workflow record (user:LOGIN, cli:…, system): a person's
/// display name with their departments, 「田中 (行政課)」, never the login id.
/// </summary>
/// <param name="People">Display names by login.</param>
/// <param name="ById">Display names by Identity's user id (records about accounts carry the id).</param>
public sealed record ActorNames(IReadOnlyDictionary<string, string> People, IReadOnlyDictionary<string, string> ById)
{
    /// <summary>Nobody resolved (for pages that show no person).</summary>
    public static ActorNames None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The name of an account by its user id, or null when unknown.</summary>
    public string? OfUserId(string? userId) => userId is not null && ById.TryGetValue(userId, out var name) ? name : null;

    /// <summary>The name to show for an actor string; actors that are not people get a Japanese description.</summary>
    public string Of(string? actor) => actor switch
    {
        null or "" => "—",
        "system" => "Kansa (自動処理)",
        "anonymous" => "ログイン前の利用者",
        _ when actor.StartsWith(UserPrefix, StringComparison.Ordinal) =>
            People.TryGetValue(actor[UserPrefix.Length..], out var name) ? name : "登録のない利用者",
        _ when actor.StartsWith("cli:", StringComparison.Ordinal) => $"コマンド操作 ({actor[4..]})",
        _ when actor.StartsWith("sso:", StringComparison.Ordinal) => "シングルサインオンの未登録の利用者",
        _ => actor,
    };

    /// <summary>The prefix of a person's actor string.</summary>
    public const string UserPrefix = "user:";
}

/// <summary>Resolves actor strings to the names staff read, in one query for all of them (never one per line).</summary>
public sealed class ResolveActorNames(KansaDbContext db)
{
    /// <summary>The names of the people among the actors.</summary>
    public Task<ActorNames> RunAsync(IEnumerable<string?> actors, CancellationToken ct) => RunAsync(actors, [], ct);

    /// <summary>The names of the people among the actors and of the accounts with these user ids.</summary>
    public async Task<ActorNames> RunAsync(IEnumerable<string?> actors, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        var logins = actors.OfType<string>()
            .Where(a => a.StartsWith(ActorNames.UserPrefix, StringComparison.Ordinal))
            .Select(a => a[ActorNames.UserPrefix.Length..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (logins.Count == 0 && ids.Count == 0)
        {
            return ActorNames.None;
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => logins.Contains(u.UserName!) || ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                Login = u.UserName!,
                u.DisplayName,
                Departments = db.UserDepartments.Where(d => d.UserId == u.Id).Select(d => d.Department!.Name).ToList(),
            })
            .ToListAsync(ct);
        var named = people.Select(p => (p.Id, p.Login, Name: Name(string.IsNullOrWhiteSpace(p.DisplayName) ? p.Login : p.DisplayName.Trim(), p.Departments))).ToList();
        return new ActorNames(
            named.ToDictionary(p => p.Login, p => p.Name, StringComparer.Ordinal),
            named.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal));
    }

    private static string Name(string name, List<string> departments) =>
        departments.Count == 0 ? name : $"{name} ({string.Join("・", departments.Order(StringComparer.Ordinal))})";
}
