using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Kansa.Reports;
using Kansa.Responses;

namespace Kansa.OpenData;

/// <summary>
/// <c>/feed.atom</c>: the publications as an Atom 1.0 feed (RFC 4287), one entry per audit and month. Links are relative
/// to the feed, so that the same document works served by Kansa and copied into a static site.
/// </summary>
public static class AtomFeed
{
    /// <summary>How many publications the feed carries.</summary>
    public const int Limit = 100;

    private const string Atom = "http://www.w3.org/2005/Atom";

    // Entry ids are name-based UUIDs (RFC 9562 v5) under this namespace: the same audit and month always get the same id,
    // whatever the host the feed is fetched from.
    private static readonly Guid Namespace = new("5d0c7a4e-2f7b-4c36-9a43-6b1f0e8d2c91");

    /// <summary>Maps /feed.atom.</summary>
    public static WebApplication MapKansaFeed(this WebApplication app)
    {
        app.MapGet(PublicSite.FeedPath, async (ListPublications publications, PublicSite site, ReportCache cache, TimeProvider time, CancellationToken ct) =>
        {
            var file = await cache.GetAsync("feed.atom", async () =>
                new ReportCache.File(Write(await publications.RunAsync(Limit, ct), site.License, time.GetUtcNow()), "feed.atom"), ct);
            return TypedResults.Bytes(file!.Content, "application/atom+xml; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The feed document. <paramref name="now"/> dates a feed with no entry yet.</summary>
    public static byte[] Write(IReadOnlyList<ListPublications.Publication> publications, OpenDataLicense license, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "ja");
            xml.WriteElementString("id", Atom, Id("feed"));
            xml.WriteElementString("title", Atom, "監査結果に対する措置・対応状況の公表");
            xml.WriteElementString("subtitle", Atom, "監査の指摘・意見への措置・対応の状況を市が公表するたびに1件ずつ載せています。");
            xml.WriteElementString("updated", Atom, Time(publications.Count == 0 ? now : publications.Max(p => p.Updated)));
            Link(xml, "self", "application/atom+xml", "feed.atom");
            Link(xml, "alternate", "text/html", "./");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "監査結果の対応状況 (Kansa)");
            xml.WriteEndElement();
            xml.WriteElementString("rights", Atom, $"利用条件: {license.Name}" + (string.IsNullOrWhiteSpace(license.Url) ? "" : $" {license.Url}"));
            foreach (var p in publications)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, Id($"publication/{p.AuditKey}/{p.AsOf}"));
                xml.WriteElementString("title", Atom, p.Title);
                xml.WriteElementString("updated", Atom, Time(p.Updated));
                Link(xml, "alternate", "text/html", $"audits/{Uri.EscapeDataString(p.AuditKey)}?Query.AsOf={p.AsOf}");
                xml.WriteElementString("summary", Atom, Summary(p.Summary));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>The counts in the city's words: 指摘事項 措置済 4件・未措置 3件 / 意見 対応済 10件・未対応 19件.</summary>
    public static string Summary(IReadOnlyList<SummaryRow> rows) => string.Join(" / ", FindingCategories.All
        .Where(c => rows.Any(r => r.Category == c))
        .Select(c => $"{c.Label()}{(c == FindingCategory.Finding ? "事項" : "")} " +
            string.Join("・", rows.Where(r => r.Category == c).Select(r => $"{r.Status} {r.Count}件"))));

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A name-based UUID (version 5, SHA-1) as a URN.</summary>
    private static string Id(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        // SHA-1 is what RFC 9562 specifies for version 5; it names, it does not protect anything.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
