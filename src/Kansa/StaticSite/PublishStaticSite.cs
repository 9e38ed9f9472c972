using System.Text;
using System.Xml;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using Kansa.Hosting;
using Kansa.Storage;

namespace Kansa.StaticSite;

/// <summary>
/// <c>kansa publish-static OUTDIR</c>: the whole public portal as files with relative links, for a city's CMS, any static
/// server, or opened from disk. The app itself renders every page (started in-process on a loopback port), so the copy is
/// exactly what the portal serves, new pages included, without a second template.
/// </summary>
public sealed class PublishStaticSite(DatabaseTarget target, TextWriter log)
{
    /// <summary>Registrations laid over the app's own (tests make a page fail this way).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>The outcome: files written, or the problems that kept anything from being written.</summary>
    public sealed record Result(int Files, long Bytes, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);

    /// <summary>
    /// Crawls the portal and writes it to <paramref name="outDir"/>. Nothing is written unless the whole site could be
    /// saved: the files go to a temporary folder beside it, moved into place at the end. A page that fails (a PDF without
    /// Chromium) is a problem, or with <paramref name="dropBroken"/> a warning and its links are removed.
    /// </summary>
    public async Task<Result> RunAsync(string outDir, bool dropBroken, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            // The copy is made by reading pages; a reminder pass of a city that sends mail must not run as a side effect.
            ["Kansa:Reminders:Enabled"] = "false",
        };
        await using var app = KansaWebApp.Create(new KansaWebSettings(target, "http://127.0.0.1:0", settings) { Services = Services });
        await app.StartAsync(ct);
        var root = new Uri(KansaWebApp.Addresses(app)[0] + "/");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
        var crawler = new SiteCrawler(client, root);
        await crawler.RunAsync(ct);
        await app.StopAsync(ct);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in crawler.Resources.Values.Where(r => r.Saved))
        {
            files[SiteCrawler.Key(r.Url)] = StaticPaths.FileFor(r.Url, r.Html is not null);
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        foreach (var r in crawler.Resources.Values.Where(r => !r.Saved && r.RedirectTo is null))
        {
            var from = crawler.ReferrerOf(r.Url) is { } referrer && referrer != r.Url ? $"{Path(referrer)} からのリンク " : "";
            var message = $"{from}{Path(r.Url)} を取得できません (HTTP {r.Status}{Detail(r)})";
            (dropBroken ? warnings : problems).Add(message);
        }

        foreach (var group in files.GroupBy(f => f.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{group.Key}: 複数のページが同じファイル名になります ({string.Join("、", group.Select(g => g.Key))})");
        }

        if (problems.Count > 0)
        {
            return new Result(0, 0, problems, warnings);
        }

        var temp = TempBeside(outDir);
        try
        {
            long bytes = 0;
            foreach (var r in crawler.Resources.Values.Where(r => r.Saved))
            {
                var file = files[SiteCrawler.Key(r.Url)];
                var content = Render(r, file, crawler, url => Resolve(url, crawler, files));
                var path = System.IO.Path.Combine(temp, file.Replace('/', System.IO.Path.DirectorySeparatorChar));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, content, ct);
                bytes += content.Length;
            }

            MoveIntoPlace(temp, outDir);
            return new Result(files.Count, bytes, [], warnings);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }

    private static string? Resolve(Uri url, SiteCrawler crawler, Dictionary<string, string> files)
    {
        // Redirects are followed to the page they end on (a few hops at most); a link to a failed page resolves to nothing.
        for (var hops = 0; hops < 5; hops++)
        {
            if (files.TryGetValue(SiteCrawler.Key(url), out var file))
            {
                return file;
            }

            if (crawler.Resources.GetValueOrDefault(SiteCrawler.Key(url))?.RedirectTo is not { } next)
            {
                return null;
            }

            url = next;
        }

        return null;
    }

    private static byte[] Render(CrawledResource r, string file, SiteCrawler crawler, Func<Uri, string?> resolve)
    {
        if (r.Html is IHtmlDocument html)
        {
            StaticHtml.Rewrite(html, r.Url, file, crawler, resolve);
            using var writer = new StringWriter();
            html.ToHtml(writer, new HtmlMarkupFormatter());
            return Encoding.UTF8.GetBytes(writer.ToString());
        }

        if (r.Atom is { } atom)
        {
            foreach (var link in atom.Descendants(XmlNamespaceAtom + "link"))
            {
                if (crawler.Classify(r.Url, (string?)link.Attribute("href")) is (SiteCrawler.LinkKind.Internal, { } target, var fragment)
                    && resolve(target) is { } to)
                {
                    link.SetAttributeValue("href", StaticPaths.Link(file, to) + fragment);
                }
            }

            using var buffer = new MemoryStream();
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
            {
                atom.Save(xml);
            }

            return buffer.ToArray();
        }

        if (r.MediaType == "text/css")
        {
            var css = SiteCrawler.CssUrl().Replace(Encoding.UTF8.GetString(r.Content), m =>
                crawler.Classify(r.Url, m.Groups["url"].Value) is (SiteCrawler.LinkKind.Internal, { } target, var fragment) && resolve(target) is { } to
                    ? $"url(\"{StaticPaths.Link(file, to)}{fragment}\")"
                    : m.Value);
            return Encoding.UTF8.GetBytes(css);
        }

        return r.Content;
    }

    private static readonly System.Xml.Linq.XNamespace XmlNamespaceAtom = "http://www.w3.org/2005/Atom";

    private static string Path(Uri url) => Uri.UnescapeDataString(url.PathAndQuery);

    private static string Detail(CrawledResource r)
    {
        // The app's problem details say why in Japanese (「chromium をインストールしてください」…); the first line is enough here.
        if (r.MediaType is "application/problem+json" or "application/json" && r.Content.Length > 0)
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(r.Content);
                if (json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
                {
                    return ": " + text;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not problem details after all: the status alone says enough.
            }
        }

        return "";
    }

    private static string TempBeside(string outDir)
    {
        var full = System.IO.Path.GetFullPath(outDir);
        var parent = System.IO.Path.GetDirectoryName(full.TrimEnd(System.IO.Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var temp = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full.TrimEnd(System.IO.Path.DirectorySeparatorChar))}.kansa-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        return temp;
    }

    // The new site replaces the folder in one rename; an existing folder (empty, or accepted with --force) is moved aside
    // first and deleted only once the new one is in place.
    private void MoveIntoPlace(string temp, string outDir)
    {
        var full = System.IO.Path.GetFullPath(outDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        string? old = null;
        if (Directory.Exists(full))
        {
            old = temp + ".old";
            Directory.Move(full, old);
        }

        Directory.Move(temp, full);
        if (old is not null)
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (IOException e)
            {
                log.WriteLine($"{old}: 以前の内容を削除できませんでした ({e.Message})。手で削除してください。");
            }
        }
    }
}
