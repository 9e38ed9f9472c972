using Kansa.ChangeLog;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Tests.ChangeLog;

/// <summary>Lines written at the same moment (two people signing in) all reach the log, in one unbroken chain.</summary>
public class ChangeChainConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Simultaneous_events_each_get_their_own_place_in_the_chain(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var context = db.CreateContext();
            await new ChangeLogWriter(context, new FixedActor("user:u" + i), TimeProvider.System).RecordAsync("login", "User", "u" + i, null, CancellationToken.None);
        }));

        await using var check = db.CreateContext();
        var lines = await check.ChangeEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(24, lines.Count(e => e.Action == "login"));
        Assert.Null(ChangeChain.Verify(lines, db.AuditKey).Problem);
    }
}
