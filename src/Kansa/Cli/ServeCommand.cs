using System.CommandLine;
using Kansa.Hosting;
using Kansa.Storage;

namespace Kansa.Cli;

/// <summary><c>kansa serve</c>: runs the web app.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    // In a container the address comes from the environment (KANSA_URLS, else the usual ASPNETCORE_URLS), e.g. http://0.0.0.0:8080.
    public static Option<string> UrlsOption() =>
        new("--urls")
        {
            Description = $"待ち受ける URL。複数は ; で区切ります (既定: 環境変数 KANSA_URLS、ASPNETCORE_URLS、なければ {DefaultUrls})",
            DefaultValueFactory = _ => EnvironmentUrls() ?? DefaultUrls,
        };

    private static string? EnvironmentUrls() =>
        NonEmpty(Environment.GetEnvironmentVariable("KANSA_URLS")) ?? NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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
        if (!Databases.ChangeLogKeyReadable(target, console))
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
