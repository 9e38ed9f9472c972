using System.CommandLine;
using Kansa.Hosting;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa serve</c>: runs the web app.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Option<string> UrlsOption() =>
        new("--urls") { Description = $"待ち受ける URL (既定: {DefaultUrls})", DefaultValueFactory = _ => DefaultUrls };

    public static Command Create(Option<string?> db, CliConsole console)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "公開ページを配信する") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var target = DatabaseTarget.Resolve(parse.GetValue(db));
            await using var context = await Databases.OpenAsync(target, console, migrateEmbedded: true, ct);
            if (context is null)
            {
                return KansaCli.Problems;
            }

            return await RunAsync(target, parse.GetValue(urls)!, console, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(DatabaseTarget target, string urls, CliConsole console, CancellationToken ct)
    {
        if (!Databases.AuditKeyReadable(target, console))
        {
            return KansaCli.Problems;
        }

        await using var app = KansaWebApp.Create(new KansaWebSettings(target, urls));
        await app.StartAsync(ct);
        foreach (var url in KansaWebApp.Addresses(app))
        {
            console.Out.WriteLine($"Kansa を {url} で公開しています ({target.Display})。Ctrl+C で終了します。");
        }

        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
