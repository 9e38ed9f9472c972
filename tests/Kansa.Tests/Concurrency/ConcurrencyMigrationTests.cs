using Kansa.ChangeLog;
using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Rounds;
using Kansa.Storage;
using Kansa.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kansa.Tests.Concurrency;

/// <summary>
/// The ConcurrencyRules migration on a database that already holds what the old races made: duplicate drafts and
/// several open rounds. It must succeed, keep every text, and leave a database the new indexes accept.
/// </summary>
public class ConcurrencyMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Duplicates_made_before_the_rules_are_set_aside_and_the_migration_succeeds(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await using (var context = db.CreateContext())
        {
            var before = context.Database.GetMigrations().Last(m => m.EndsWith("_RegistryAndFollowUp", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(before);
        }

        // Written as the app of that schema would have: without the search hook, whose table a later migration adds
        // (db migrate then indexes what has no document).
        var data = new WorkflowData(db, () => WithoutSearch(db));
        var a = await data.FindingAsync("R7-指-1", "DX推進課");
        var b = await data.FindingAsync("R7-指-2", "DX推進課");
        var published = await data.ResponseAsync(a, null, ResponseStage.Published);
        var olderDraft = await data.ResponseAsync(a, null, ResponseStage.Draft);
        var approved = await data.ResponseAsync(a, null, ResponseStage.Approved);
        var newerDraft = await data.ResponseAsync(a, null, ResponseStage.Draft);
        var firstClick = await data.ResponseAsync(b, null, ResponseStage.Draft);
        var secondClick = await data.ResponseAsync(b, null, ResponseStage.Draft);
        int publishedRound, earlyOpen, keptOpen, lateOpen;
        await using (var context = db.CreateContext())
        {
            // Written in SQL: the model has columns that later migrations add (RoundCancellation), this schema not yet.
            async Task<int> Round(int year, int month, bool isPublished)
            {
                var asOf = new YearMonth(year, month).Number;
                var ids = await context.Database.SqlQuery<int>(
                    $"INSERT INTO \"Rounds\" (\"AsOf\", \"IsPublished\", \"OpenedBy\", \"OpenedAt\") VALUES ({asOf}, {isPublished}, {"user:coord"}, {DateTimeOffset.UnixEpoch}) RETURNING \"Id\" AS \"Value\"")
                    .ToListAsync();
                return ids.Single();
            }

            (publishedRound, earlyOpen, keptOpen, lateOpen) = (await Round(2025, 8, true), await Round(2025, 6, false), await Round(2025, 10, false), await Round(2025, 12, false));
        }

        await using (var context = db.CreateContext())
        {
            await context.Database.MigrateAsync();
        }

        await using var check = db.CreateContext();
        var stages = await check.Responses.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Stage);
        Assert.Equal(ResponseStage.Published, stages[published]);
        Assert.Equal(ResponseStage.Approved, stages[approved]);
        Assert.Equal(ResponseStage.Withdrawn, stages[olderDraft]);
        Assert.Equal(ResponseStage.Withdrawn, stages[newerDraft]);
        Assert.Equal(ResponseStage.Withdrawn, stages[firstClick]);
        Assert.Equal(ResponseStage.Draft, stages[secondClick]);

        // Nothing lost: the withdrawn ones keep their text and steps, with one more step that says why.
        var withdrawnSteps = await check.ResponseSteps.AsNoTracking().Where(s => s.Action == ResponseActions.Withdrawn).ToListAsync();
        Assert.Equal(new[] { olderDraft, newerDraft, firstClick }.Order(), withdrawnSteps.Select(s => s.ResponseId).Order());
        Assert.All(withdrawnSteps, s => Assert.Contains("取り下げました", s.Comment, StringComparison.Ordinal));
        Assert.All(withdrawnSteps, s => Assert.Equal("対応しました。", s.Content));
        Assert.Equal(2, await check.ResponseSteps.CountAsync(s => s.ResponseId == olderDraft));

        var rounds = await check.Rounds.AsNoTracking().Select(r => r.Id).ToListAsync();
        Assert.Equal(new[] { publishedRound, keptOpen }.Order(), rounds.Order());
        Assert.DoesNotContain(earlyOpen, rounds);
        Assert.DoesNotContain(lateOpen, rounds);

        // And the rules now hold in the database itself.
        await using var after = db.CreateContext();
        after.Responses.Add(new Response { FindingId = b, Word = "検討中", Content = "三つ目", Stage = ResponseStage.Draft, CreatedBy = "user:editor" });
        Assert.False(await after.TrySaveAsync(CancellationToken.None));
        await using var again = db.CreateContext();
        again.Rounds.Add(new PublicationRound { AsOf = new YearMonth(2026, 2), OpenedBy = "user:coord" });
        Assert.False(await again.TrySaveAsync(CancellationToken.None));
    }

    private static KansaDbContext WithoutSearch(TestDatabase db)
    {
        var target = db.Target;
        var options = new DbContextOptionsBuilder<KansaDbContext>()
            .AddInterceptors(new ChangeLogInterceptor(FixedActor.CommandLine, TimeProvider.System, new ChangeLogKeyFile(target.ChangeLogKeyPath)));
        _ = target.Engine == DatabaseEngine.Sqlite
            ? options.UseSqlite(target.ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Sqlite"))
            : options.UseNpgsql(target.ConnectionString, o => o.MigrationsAssembly("Kansa.Migrations.Postgres"));
        return new KansaDbContext(options.Options);
    }
}
