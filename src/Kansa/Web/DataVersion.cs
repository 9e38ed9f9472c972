using System.Data.Common;

namespace Kansa.Web;

/// <summary>
/// The version of everything the public pages show: the hash at the tip of the audit log. Every change, whoever
/// makes it (this instance, another instance, a <c>kansa import</c> on the command line), appends to the log in its
/// own transaction, and appends are serialized (an advisory lock on PostgreSQL, the write lock on SQLite), so the tip
/// moves exactly when committed data moves; a restore brings another chain and so another tip.
/// <para>
/// Asked once per request, but coalesced: while one probe is in flight, the requests arriving meanwhile wait for the
/// next one, which starts after they arrived. A request therefore never sees a version older than the last commit
/// before it came in (read-your-writes across instances, no delay, no notification to miss), and under load one
/// round trip to the database serves a whole batch of requests.
/// </para>
/// </summary>
public sealed class DataVersion(SharedConnections connections) : IAsyncDisposable, IDisposable
{
    private const string Query = "SELECT \"Hash\" FROM \"AuditEntries\" ORDER BY \"Sequence\" DESC LIMIT 1";

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
            }

            try
            {
                batch.SetResult(await ReadAsync());
            }
            catch (Exception e)
            {
                await ResetAsync();
                batch.SetException(e);
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

        await running;
        await ResetAsync();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
