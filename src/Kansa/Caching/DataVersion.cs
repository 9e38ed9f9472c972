using Kansa.Hosting;
using System.Data.Common;

namespace Kansa.Caching;

/// <summary>
/// The version of everything the public pages show: the hash at the tip of the change log. Every change, whoever
/// makes it (this instance, another instance, a <c>kansa import</c> on the command line), appends to the log in its
/// own transaction, and appends are serialized (an advisory lock on PostgreSQL, the write lock on SQLite), so the tip
/// moves exactly when committed data moves; a restore brings another chain and so another tip.
/// <para>
/// Asked once per request, but coalesced: while one probe is in flight, the requests arriving meanwhile wait for the
/// next one, which starts after they arrived. A request therefore never sees a version older than the last commit
/// before it came in (read-your-writes across instances, no delay, no notification to miss), and under load one
/// round trip to the database serves a whole batch of requests.
/// </para>
/// <para>
/// In the <c>notify</c> mode (<see cref="PublicCacheSettings.Coherence"/>, PostgreSQL only) the version is kept in memory
/// and the probe runs only after a <c>NOTIFY kansa_data</c> (sent at the commit of every change made through Kansa,
/// see <see cref="Storage.DataChangeNotice"/>), after a change made through this instance, after the listening
/// connection was lost, and at the latest every <see cref="NoticeMaxAge"/>: no round trip per request, at the price of
/// the notice's delivery time (well under a millisecond on one network) before another instance shows a change.
/// </para>
/// </summary>
public sealed class DataVersion(SharedConnections connections, Microsoft.Extensions.Options.IOptions<PublicCacheSettings> options, TimeProvider time)
    : IAsyncDisposable, IDisposable
{
    /// <summary>How long a version known from notices is trusted without asking (a safety net for a lost notice).</summary>
    public static readonly TimeSpan NoticeMaxAge = TimeSpan.FromSeconds(1);

    private readonly bool notify = options.Value.Coherence == PublicCacheSettings.Notify && connections.Engine == Storage.DatabaseEngine.PostgreSql;
    private readonly CancellationTokenSource stopping = new();
    private Task? listener;
    private string? known;
    private long knownAt;
    private long epoch;
    private bool listening;

    private const string Query = "SELECT \"Hash\" FROM \"" + Kansa.ChangeLog.ChangeEntry.TableName + "\" ORDER BY \"Sequence\" DESC LIMIT 1";

    private readonly Lock gate = new();
    private TaskCompletionSource<string>? waiting;
    private bool probing;
    private bool disposed;
    private Task loop = Task.CompletedTask;
    private DbConnection? connection;
    private DbCommand? command;

    /// <summary>The version as of a moment after the call began; fails when the database cannot be read.</summary>
    public Task<string> CurrentAsync()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (notify)
            {
                listener ??= Task.Run(ListenAsync);
                if (known is not null && time.GetElapsedTime(knownAt) < NoticeMaxAge)
                {
                    return Task.FromResult(known);
                }
            }

            waiting ??= new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = waiting.Task;
            if (!probing)
            {
                probing = true;
                loop = Task.Run(ProbeLoopAsync);
            }

            return task;
        }
    }

    private async Task ProbeLoopAsync()
    {
        while (true)
        {
            TaskCompletionSource<string> batch;
            long started;
            lock (gate)
            {
                if (waiting is null || disposed)
                {
                    waiting?.SetException(new ObjectDisposedException(nameof(DataVersion)));
                    waiting = null;
                    probing = false;
                    return;
                }

                batch = waiting;
                waiting = null;
                started = epoch;
            }

            try
            {
                var read = await ReadAsync();
                lock (gate)
                {
                    // Trusted until the next notice, unless one came while reading (the read may predate its change).
                    if (notify && listening && started == epoch)
                    {
                        known = read;
                        knownAt = time.GetTimestamp();
                    }
                }

                batch.SetResult(read);
            }
            catch (Exception e)
            {
                await ResetAsync();
                batch.SetException(e);
            }
        }
    }

    /// <summary>Forgets the version known from notices: the next request asks the database (after a change made here).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            known = null;
            epoch++;
        }
    }

    // Listens on its own connection; while it is not listening, every request asks the database as in the probe mode.
    private async Task ListenAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = (Npgsql.NpgsqlConnection)connections.Create();
                await connection.OpenAsync(stopping.Token);
                connection.Notification += (_, _) => Invalidate();
                await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {Storage.DataChangeNotice.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping.Token);
                }

                lock (gate)
                {
                    listening = true;
                    known = null;
                    epoch++;
                }

                while (true)
                {
                    await connection.WaitAsync(stopping.Token);
                }
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                lock (gate)
                {
                    listening = false;
                    known = null;
                    epoch++;
                }
            }
        }
    }

    // One connection and one prepared statement, since only one probe runs at a time.
    private async Task<string> ReadAsync()
    {
        if (command is null)
        {
            connection = connections.Create();
            await connection.OpenAsync();
            command = connection.CreateCommand();
            command.CommandText = Query;
            await command.PrepareAsync();
        }

        return await command.ExecuteScalarAsync() as string ?? "";
    }

    private async Task ResetAsync()
    {
        if (command is not null)
        {
            await command.DisposeAsync();
            command = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (gate)
        {
            // No new probe starts; a running one finishes on its connection before the connection is closed.
            disposed = true;
            running = loop;
        }

        await stopping.CancelAsync();
        if (listener is not null)
        {
            await listener;
        }

        await running;
        stopping.Dispose();
        await ResetAsync();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
