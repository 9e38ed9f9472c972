using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kansa.StaticSite;

/// <summary>One address of the portal as the crawl found it.</summary>
public sealed class CrawledResource(Uri url)
{
    /// <summary>The address (no fragment).</summary>
    public Uri Url { get; } = url;

    /// <summary>The HTTP status.</summary>
    public int Status { get; set; }

    /// <summary>The media type (text/html …).</summary>
    public string? MediaType { get; set; }

    /// <summary>The body as served.</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>Where a redirect points.</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>The parsed page, prepared for the static copy (forms replaced, staff links removed).</summary>
    public IHtmlDocument? Html { get; set; }

    /// <summary>The parsed Atom feed.</summary>
    public XDocument? Atom { get; set; }

    /// <summary>Whether it is a page or file that goes into the copy.</summary>
    public bool Saved => Status is >= 200 and < 300;
}

/// <summary>
/// Fetches the public portal from a running app, from <c>/</c> along every same-site link, stylesheet, script, image
/// and feed link. Staff pages, sign-in and the API are not part of the public site and are never followed.
/// </summary>
public sealed partial class SiteCrawler(HttpClient client, Uri root)
{
    /// <summary>Path prefixes that are not the public site.</summary>
    public static readonly IReadOnlyList<string> Excluded = ["/staff", "/account", "/api", "/error", "/search", "/openapi"];

    /// <summary>The elements and attributes that point at other addresses.</summary>
    public static readonly IReadOnlyList<(string Selector, string Attribute)> LinkAttributes =
    [
        ("a[href]", "href"), ("area[href]", "href"), ("link[href]", "href"), ("img[src]", "src"), ("script[src]", "src"),
        ("source[src]", "src"), ("iframe[src]", "src"), ("video[src]", "src"), ("audio[src]", "src"), ("embed[src]", "src"),
    ];

    private static readonly HtmlParser Parser = new();
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    private readonly Dictionary<string, CrawledResource> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> firstReferrer = new(StringComparer.Ordinal);

    /// <summary>What kind of address a link names.</summary>
    public enum LinkKind
    {
        /// <summary>In-page, another site, mailto: …: left as it is.</summary>
        Other,

        /// <summary>A public page or file of this site.</summary>
        Internal,

        /// <summary>A staff page, sign-in or the API: removed from the copy.</summary>
        Excluded,
    }

    /// <summary>Everything fetched, by address.</summary>
    public IReadOnlyDictionary<string, CrawledResource> Resources => resources;

    /// <summary>The page that first linked to an address (for messages).</summary>
    public Uri? ReferrerOf(Uri url) => firstReferrer.GetValueOrDefault(Key(url));

    /// <summary>The key of an address: absolute, without fragment.</summary>
    public static string Key(Uri url) => new UriBuilder(url) { Fragment = "" }.Uri.AbsoluteUri;

    /// <summary>Classifies a link written on the page at <paramref name="page"/>; the address resolved, without fragment.</summary>
    public (LinkKind Kind, Uri? Target, string Fragment) Classify(Uri page, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith('#') || !Uri.TryCreate(page, raw.Trim(), out var url)
            || url.Scheme is not ("http" or "https") || !string.Equals(url.Authority, root.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return (LinkKind.Other, null, "");
        }

        var target = new UriBuilder(url) { Fragment = "" }.Uri;
        var path = target.AbsolutePath;
        var excluded = Excluded.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));
        return (excluded ? LinkKind.Excluded : LinkKind.Internal, target, url.Fragment);
    }

    /// <summary>Crawls the whole site.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var queue = new Queue<Uri>();
        Enqueue(queue, root, null);
        while (queue.TryDequeue(out var url))
        {
            var resource = await FetchAsync(url, ct);
            resources[Key(url)] = resource;
            foreach (var link in LinksOf(resource))
            {
                Enqueue(queue, link, url);
            }
        }
    }

    private void Enqueue(Queue<Uri> queue, Uri url, Uri? referrer)
    {
        var key = Key(url);
        if (firstReferrer.ContainsKey(key) || (referrer is null && resources.ContainsKey(key)))
        {
            return;
        }

        firstReferrer[key] = referrer ?? url;
        queue.Enqueue(url);
    }

    private async Task<CrawledResource> FetchAsync(Uri url, CancellationToken ct)
    {
        var resource = new CrawledResource(url);
        using var response = await client.GetAsync(url, ct);
        resource.Status = (int)response.StatusCode;
        if (response.StatusCode is >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest && response.Headers.Location is { } location)
        {
            resource.RedirectTo = new Uri(url, location);
            return resource;
        }

        resource.Content = await response.Content.ReadAsByteArrayAsync(ct);
        resource.MediaType = response.Content.Headers.ContentType?.MediaType;
        if (!resource.Saved)
        {
            return resource;
        }

        if (resource.MediaType == "text/html")
        {
            var html = Parser.ParseDocument(Encoding.UTF8.GetString(resource.Content));
            StaticHtml.Prepare(html, url, this);
            resource.Html = html;
        }
        else if (resource.MediaType == "application/atom+xml")
        {
            resource.Atom = XDocument.Parse(Encoding.UTF8.GetString(resource.Content));
        }

        return resource;
    }

    private IEnumerable<Uri> LinksOf(CrawledResource resource)
    {
        if (resource.RedirectTo is { } to)
        {
            return Classify(resource.Url, to.AbsoluteUri) is (LinkKind.Internal, { } t, _) ? [t] : [];
        }

        IEnumerable<string?> raw = resource switch
        {
            { Html: { } html } => LinkAttributes.SelectMany(l => html.QuerySelectorAll(l.Selector).Select(e => e.GetAttribute(l.Attribute))),
            { Atom: { } atom } => atom.Descendants(AtomNs + "link").Select(l => (string?)l.Attribute("href")),
            { MediaType: "text/css" } => CssUrl().Matches(Encoding.UTF8.GetString(resource.Content)).Select(m => m.Groups["url"].Value),
            _ => [],
        };
        return raw.Select(r => Classify(resource.Url, r)).Where(c => c.Kind == LinkKind.Internal).Select(c => c.Target!);
    }

    /// <summary>A url(…) in a stylesheet (data: URLs are skipped as another scheme).</summary>
    [GeneratedRegex("""url\(\s*(?<q>['"]?)(?<url>[^'")]+)\k<q>\s*\)""")]
    public static partial Regex CssUrl();
}
