using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Kansa.OpenData;
using Kansa.StaticSite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Kansa.Tests.StaticSite;

/// <summary>Reads a written static site the way a browser would: every link of every page, feed and stylesheet.</summary>
public static class StaticSiteCheck
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every link in the site: the file it is written in and the link as written.</summary>
    public static IReadOnlyList<(string File, string Link)> Links(string dir)
    {
        var links = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            var text = File.ReadAllText(file);
            IEnumerable<string?> raw = Path.GetExtension(file) switch
            {
                ".html" => SiteCrawler.LinkAttributes.SelectMany(l => Parser.ParseDocument(text).QuerySelectorAll(l.Selector).Select(e => e.GetAttribute(l.Attribute))),
                ".atom" => XDocument.Parse(text).Descendants(XName.Get("link", "http://www.w3.org/2005/Atom")).Select(l => (string?)l.Attribute("href")),
                ".css" => SiteCrawler.CssUrl().Matches(text).Select(m => m.Groups["url"].Value),
                _ => [],
            };
            links.AddRange(raw.Where(r => r is { Length: > 0 } && !r.StartsWith('#') && !r.StartsWith("data:", StringComparison.Ordinal)).Select(r => (relative, r!)));
        }

        return links;
    }

    /// <summary>Whether a link leaves the site (an absolute URL), which the checks leave alone unless it points at the app.</summary>
    public static bool IsExternal(string link) => Uri.TryCreate(link, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "mailto";

    /// <summary>The links, resolved as file:// URLs relative to their file, that name no file of the site.</summary>
    public static IReadOnlyList<string> BrokenOnDisk(string dir)
    {
        var root = new Uri(Path.GetFullPath(dir) + Path.DirectorySeparatorChar);
        return [.. Links(dir).Where(l => !IsExternal(l.Link)).Where(l =>
        {
            var target = new Uri(new Uri(root, Escape(l.File)), l.Link);
            return target.Scheme != "file" || !File.Exists(target.LocalPath);
        }).Select(l => $"{l.File}: {l.Link}")];
    }

    /// <summary>A folder served by a plain static file server (Kestrel's file server, nothing of Kansa).</summary>
    public static async Task<WebApplication> ServeAsync(string dir)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".atom"] = "application/atom+xml";
        app.UseFileServer(new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(dir)),
            StaticFileOptions = { ContentTypeProvider = types, ServeUnknownFileTypes = true },
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>A relative file path as a URL path.</summary>
    public static string Escape(string relative) => string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
}
