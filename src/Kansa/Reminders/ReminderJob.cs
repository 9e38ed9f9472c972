using Kansa.ChangeLog;
using Kansa.Reminders;
using Microsoft.Extensions.Options;

namespace Kansa.Reminders;

/// <summary>
/// Sends due-soon and overdue reminders: a pass at start, then one every <see cref="ReminderSettings.Interval"/> on the
/// app's <see cref="TimeProvider"/>. Several instances may run it on one database; each notice is claimed once.
/// </summary>
public sealed partial class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderSettings> settings, IOptions<MailSettings> mail, TimeProvider time, ILogger<ReminderJob> logger)
    : BackgroundService
{
    private int completed;

    /// <summary>This instance's name in the claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Passes finished (with or without errors), for monitoring and tests.</summary>
    public int CompletedPasses => Volatile.Read(ref completed);

    /// <summary>Runs one pass in its own scope, acting as "system" in the change log.</summary>
    public async Task<Outcome<ReminderPass>> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(Instance, ct);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled || !mail.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Value.Interval, time);
        do
        {
            try
            {
                var pass = await RunOnceAsync(stoppingToken);
                if (pass.Value is { } done)
                {
                    LogPass(logger, done.Due, done.Sent, done.AlreadyClaimed, done.WithoutRecipient);
                }
            }
#pragma warning disable CA1031 // A failed pass (mail server down) must not stop the app; the next pass tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
            finally
            {
                Interlocked.Increment(ref completed);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are off (no Kansa:Mail:Host, or Kansa:Reminders:Enabled false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder pass: {Due} due, {Sent} sent, {Claimed} already claimed, {Alone} without recipient")]
    private static partial void LogPass(ILogger logger, int due, int sent, int claimed, int alone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
