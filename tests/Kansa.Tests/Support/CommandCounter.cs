using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kansa.Tests.Support;

/// <summary>
/// Counts the SQL commands EF executes on one database (by its file or name), through EF's DiagnosticListener: the
/// web app runs in the test process, and other tests' databases are left out.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string database;
    private readonly List<IDisposable> subscriptions = [];
    private int count;

    public CommandCounter(TestDatabase target)
    {
        database = target.Target.Engine == Kansa.Storage.DatabaseEngine.Sqlite
            ? target.Target.Display
            : new Npgsql.NpgsqlConnectionStringBuilder(target.Target.ConnectionString).Database!;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>The commands counted so far.</summary>
    public int Count => Volatile.Read(ref count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && data.Command.Connection is { } connection
            && (connection.DataSource == database || connection.Database == database))
        {
            Interlocked.Increment(ref count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
