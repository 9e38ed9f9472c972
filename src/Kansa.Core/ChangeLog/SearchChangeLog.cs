using Kansa.Accounts;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.ChangeLog;

/// <summary>A filter over the change log; dates are days in Japan time, both ends included.</summary>
/// <param name="Actor">Part of the actor (user:LOGIN, cli:…) or of a person's display name.</param>
/// <param name="Action">The action, exactly (create, update, login …).</param>
/// <param name="EntityType">The entity type, exactly (Finding, Response …).</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record ChangeLogFilter(string? Actor, string? Action, string? EntityType, DateOnly? From, DateOnly? To)
{
    /// <summary>The filter's values, for the log line of an export.</summary>
    public object Describe() => new { Actor, Action, EntityType, From = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), To = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>
    /// Why the filter cannot be used: a day outside Kansa's range (whose start in Japan time no clock can hold), or a
    /// text that no entry can match (too long, or with characters the database refuses). Field names as in the API.
    /// </summary>
    public List<Problem> Problems()
    {
        var problems = TextLimits.CheckAll(
            ("actor", "操作者", Actor, TextLimits.Filter),
            ("action", "操作", Action, TextLimits.Filter),
            ("entityType", "対象", EntityType, TextLimits.Filter));
        foreach (var (field, label, day) in new[] { ("from", "開始日", From), ("to", "終了日", To) })
        {
            if (day is { } d && Calendar.YearMonth.DateRangeError(d) is { } error)
            {
                problems.Add(new Problem(field, $"{label}: {error}。"));
            }
        }

        return problems;
    }
}

/// <summary>One line as pages, the API and the CSV show it.</summary>
/// <param name="Sequence">Position in the chain.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="EntityType">Kind of thing.</param>
/// <param name="EntityKey">Its key.</param>
/// <param name="Before">Values before, JSON.</param>
/// <param name="After">Values after or details, JSON.</param>
public sealed record ChangeLine(long Sequence, DateTimeOffset At, string Actor, string Action, string? EntityType, string? EntityKey, string? Before, string? After);

/// <summary>A page of lines.</summary>
/// <param name="Lines">The lines, newest first.</param>
/// <param name="Total">Lines matching the filter.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Lines per page.</param>
public sealed record ChangeLogPage(IReadOnlyList<ChangeLine> Lines, int Total, int Page, int PageSize)
{
    /// <summary>Number of pages (at least 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Filters and pages the change log for admins and auditors (reading it changes nothing, so it is not logged).</summary>
public sealed class SearchChangeLog(KansaDbContext db)
{
    /// <summary>The time zone of the filter's days.</summary>
    public static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>One page, newest first; a filter that cannot be used (<see cref="ChangeLogFilter.Problems"/>) is refused.</summary>
    public async Task<Outcome<ChangeLogPage>> RunAsync(ChangeLogFilter filter, int page, int pageSize, CancellationToken ct)
    {
        if (filter.Problems() is { Count: > 0 } problems)
        {
            return Outcome<ChangeLogPage>.Invalid(problems);
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = await FilterAsync(filter, ct);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var lines = await Project(query.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return Outcome<ChangeLogPage>.Ok(new ChangeLogPage(lines, total, page, pageSize));
    }

    /// <summary>Every matching line, oldest first (for exports); callers check <see cref="ChangeLogFilter.Problems"/> first.</summary>
    public async Task<IReadOnlyList<ChangeLine>> AllAsync(ChangeLogFilter filter, CancellationToken ct) =>
        await Project((await FilterAsync(filter, ct)).OrderBy(e => e.Sequence)).ToListAsync(ct);

    /// <summary>The actions and entity types present, for the filter's choices.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> ChoicesAsync(CancellationToken ct)
    {
        var actions = await db.ChangeEntries.Select(e => e.Action).Distinct().ToListAsync(ct);
        var types = await db.ChangeEntries.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().ToListAsync(ct);
        return ([.. actions.Order(StringComparer.Ordinal)], [.. types.Order(StringComparer.Ordinal)]);
    }

    private async Task<IQueryable<ChangeEntry>> FilterAsync(ChangeLogFilter filter, CancellationToken ct)
    {
        var query = db.ChangeEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Staff know people by the names the log shows, not by their login ids: a name matches every login it belongs to.
            var actor = filter.Actor.Trim();
            var named = await db.Users.AsNoTracking()
                .Where(u => u.DisplayName != null && u.DisplayName.Contains(actor))
                .Select(u => ActorNames.UserPrefix + u.UserName)
                .ToListAsync(ct);
            query = query.Where(e => e.Actor.Contains(actor) || named.Contains(e.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        // The chain is appended in time order, so a date range is a range of sequence numbers. Finding its ends by
        // sequence keeps the query the same on both engines (SQLite cannot compare DateTimeOffset values).
        if (filter.From is { } from)
        {
            var first = await FirstSequenceAtOrAfterAsync(Start(from), ct);
            query = query.Where(e => e.Sequence >= first);
        }

        if (filter.To is { } to)
        {
            var end = await FirstSequenceAtOrAfterAsync(Start(to.AddDays(1)), ct);
            query = query.Where(e => e.Sequence < end);
        }

        return query;
    }

    private static DateTimeOffset Start(DateOnly day)
    {
        // Clamped to Kansa's range so that no day can overflow DateTimeOffset (0001-01-01 in Japan time is before UTC's start).
        var local = (day < Calendar.YearMonth.MinDate ? Calendar.YearMonth.MinDate : day > Calendar.YearMonth.MaxDate ? Calendar.YearMonth.MaxDate : day)
            .ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Japan.GetUtcOffset(local));
    }

    // Binary search over the sequence numbers (1..last, without gaps): a few single-row reads.
    private async Task<long> FirstSequenceAtOrAfterAsync(DateTimeOffset instant, CancellationToken ct)
    {
        var last = await db.ChangeEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var (low, high) = (1L, last + 1);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var at = await db.ChangeEntries.Where(e => e.Sequence == middle).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
            if (at is null || at.Value >= instant)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static IQueryable<ChangeLine> Project(IQueryable<ChangeEntry> query) =>
        query.Select(e => new ChangeLine(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityKey, e.Before, e.After));
}
