namespace Kansa.StaticSite;

/// <summary>
/// Where a page of the portal is saved in a static copy, and how another saved file links to it.
/// <list type="bullet">
/// <item>An HTML page is a folder with <c>index.html</c>: <c>/</c> → <c>index.html</c>, <c>/audits/R5-包括外部監査</c> →
/// <c>audits/R5-包括外部監査/index.html</c>. Links name <c>index.html</c> explicitly, because a browser opening files from disk
/// does not look for it.</item>
/// <item>Any other file keeps its path: <c>/open-data/kansa.json</c> → <c>open-data/kansa.json</c>.</item>
/// <item>A query string becomes part of the name, after <c>_</c>: <c>/audits/K?Query.AsOf=2025-08</c> →
/// <c>audits/K/_Query.AsOf_2025-08/index.html</c>, <c>/audits/K/report.json?asOf=2025-08</c> → <c>audits/K/report_asOf_2025-08.json</c>.</item>
/// </list>
/// Names on disk are the decoded characters (Japanese stays Japanese); links percent-encode each segment in UTF-8, which is
/// what both a web server and a browser reading file:// decode back to the same name. ASCII punctuation other than
/// <c>- . _ ~</c> becomes <c>_</c>: characters such as <c>@ = &amp; + ( )</c> are legal in file names but are read
/// differently by some servers, CMSs and URL libraries once percent-encoded (.NET's Uri turns a relative <c>%40</c> into
/// <c>%2540</c> on file: URLs), so names keep to characters every one of them agrees on.
/// </summary>
public static class StaticPaths
{
    /// <summary>The file's path in the copy, segments separated by '/'.</summary>
    public static string FileFor(Uri url, bool isHtml)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Safe(Uri.UnescapeDataString(s))).ToList();
        var query = url.Query.Length > 1 ? Safe(Uri.UnescapeDataString(url.Query[1..].Replace('+', ' '))) : null;
        if (isHtml)
        {
            if (query is not null)
            {
                segments.Add("_" + query);
            }

            segments.Add("index.html");
            return string.Join('/', segments);
        }

        if (segments.Count == 0)
        {
            segments.Add("index");
        }

        if (query is not null)
        {
            var last = segments[^1];
            var dot = last.LastIndexOf('.');
            segments[^1] = dot > 0 ? $"{last[..dot]}_{query}{last[dot..]}" : $"{last}_{query}";
        }

        return string.Join('/', segments);
    }

    /// <summary>The link from one saved file to another, relative and percent-encoded.</summary>
    public static string Link(string fromFile, string toFile)
    {
        var from = fromFile.Split('/');
        var to = toFile.Split('/');
        var common = 0;
        while (common < from.Length - 1 && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var up = Enumerable.Repeat("..", from.Length - 1 - common);
        return string.Join('/', up.Concat(to.Skip(common).Select(Uri.EscapeDataString)));
    }

    // Only letters, digits, - . _ ~ of ASCII and any non-ASCII character are kept (see above); "." and ".." would climb
    // out of the folder.
    private static string Safe(string segment)
    {
        var chars = segment.Select(c => char.IsControl(c) || (c < 128 && !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')) ? '_' : c).ToArray();
        var safe = new string(chars);
        return safe is "." or ".." || safe.Length == 0 ? "_" + safe : safe;
    }
}
