using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Kansa.StaticSite;

/// <summary>The changes a page needs to work as a file: no forms, no staff links, every link relative.</summary>
public static class StaticHtml
{
    /// <summary>
    /// Before links are followed: a form needs a server, so it goes. The audit page's filter form becomes a list of links,
    /// one per month it offers (その時点の表示), so that earlier reports stay reachable; its other filters are dropped and
    /// the page says so. Links to staff pages and sign-in go, with a container they leave empty (the account menu).
    /// </summary>
    public static void Prepare(IHtmlDocument page, Uri url, SiteCrawler crawler)
    {
        foreach (var form in page.QuerySelectorAll("form").ToList())
        {
            var months = form.QuerySelectorAll("select").FirstOrDefault(s =>
                s.GetAttribute("name")?.EndsWith("asof", StringComparison.OrdinalIgnoreCase) == true);
            var isGet = !string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase);
            if (months is null || !isGet)
            {
                form.Remove();
                continue;
            }

            var action = new Uri(url, form.GetAttribute("action") ?? url.AbsolutePath);
            var nav = page.CreateElement("nav");
            nav.ClassName = "static-months";
            nav.SetAttribute("aria-label", "時点");
            var text = page.CreateElement("p");
            text.TextContent = "この複製では絞り込みはできません。時点を選んで表示できます: ";
            var first = true;
            foreach (var option in months.QuerySelectorAll("option"))
            {
                var value = option.GetAttribute("value") ?? option.TextContent;
                var a = page.CreateElement("a");
                a.SetAttribute("href", value.Length == 0
                    ? action.AbsolutePath
                    : $"{action.AbsolutePath}?{Uri.EscapeDataString(months.GetAttribute("name")!)}={Uri.EscapeDataString(value)}");
                a.TextContent = option.TextContent.Trim();
                if (!first)
                {
                    text.AppendChild(page.CreateTextNode("、"));
                }

                text.AppendChild(a);
                first = false;
            }

            nav.AppendChild(text);
            form.Replace(nav);
        }

        foreach (var (selector, attribute) in SiteCrawler.LinkAttributes)
        {
            foreach (var element in page.QuerySelectorAll(selector).ToList())
            {
                if (crawler.Classify(url, element.GetAttribute(attribute)).Kind == SiteCrawler.LinkKind.Excluded)
                {
                    RemoveWithEmptyParent(element);
                }
            }
        }
    }

    /// <summary>
    /// Points every link of the page at the saved file, relative to <paramref name="file"/>. <paramref name="resolve"/> gives the
    /// file of an address, or null when it could not be saved: such a link is then removed (its text kept), so that no
    /// link in the copy leads nowhere.
    /// </summary>
    public static void Rewrite(IHtmlDocument page, Uri url, string file, SiteCrawler crawler, Func<Uri, string?> resolve)
    {
        foreach (var (selector, attribute) in SiteCrawler.LinkAttributes)
        {
            foreach (var element in page.QuerySelectorAll(selector).ToList())
            {
                var (kind, target, fragment) = crawler.Classify(url, element.GetAttribute(attribute));
                if (kind != SiteCrawler.LinkKind.Internal)
                {
                    continue;
                }

                if (resolve(target!) is { } to)
                {
                    element.SetAttribute(attribute, StaticPaths.Link(file, to) + fragment);
                }
                else if (element.LocalName == "a")
                {
                    element.Replace([.. element.ChildNodes]);
                }
                else
                {
                    element.Remove();
                }
            }
        }
    }

    private static void RemoveWithEmptyParent(IElement element)
    {
        var parent = element.ParentElement;
        element.Remove();
        if (parent is not null && parent.LocalName is not ("body" or "head" or "main") && parent.ChildElementCount == 0
            && string.IsNullOrWhiteSpace(parent.TextContent))
        {
            parent.Remove();
        }
    }
}
