using Kansa.Cli;

// Never disposed: the host also stops on SIGINT, so the program can return from here while this handler is still
// to run for the same signal (or for a second Ctrl+C); Cancel on a disposed source would then crash the exit (134).
var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await KansaCli.RunAsync(args, CliConsole.System, cancel.Token);
