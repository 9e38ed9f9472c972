using CsCheck;
using Kansa.Import;

namespace Kansa.Tests.Import;

/// <summary>
/// The fast reader of cell HTML must build exactly the tree AngleSharp builds, wherever it answers at all: cells made of
/// the pieces status reports use, well formed or not, are read both ways and compared.
/// </summary>
public class FastCellReaderTests
{
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<br>", "<br/>", "<br />", "<BR>", "<P>", "<ul>", "</ul>", "<ul style=\"list-style-type: none\">", "<ol>", "</ol>",
        "<li>", "</li>", "<LI class='a'>", "<span>", "</span>", "<b>", "</b>", "<div>", "</div>", "<p/>", "</br>", "<!-- x -->", "<p class=a>",
        "<td>", "<table>", "<script>x</script>", "<", ">", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#39;", "&#x27;", "&nbsp;",
        "&amp", "&copy;", "&notit;", "&#0;", "&#128;", "&#x1F600;", "&#xD800;", "&#12354;", "&;", " ", "  ", "\n", "\t", "\r", "\u3000",
        "・", "債権の督促", "について", "令和6年9月に規則を改正し、", "R5-指-2", "a", "1", "\u0001", "\u0085", "\"", "'", "=",
    ];

    private static readonly Gen<string> Cells = Gen.Int[0, Pieces.Length - 1].Array[0, 24].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Fact]
    public void Where_the_fast_reader_answers_its_tree_is_AngleSharps()
    {
        Cells.Sample(html =>
        {
            if (FastCellReader.TryRead(html) is { } fast)
            {
                Assert.Equal(HtmlCell.TreeByAngleSharp(html).ToString(), fast.ToString());
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("<p>債権の督促及び催告について</p> <p>規定と運用の不一致を解消し、規定に基づいた事務を行うべきである。</p>")]
    [InlineData("<ul style=\"list-style-type: none\"> ・土砂災害警戒区域 保守点数2点 ・調書平面図・台帳 <p>当該保守点数は、&amp;業者の</p>")]
    [InlineData("<p>一行目<br>二行目</p><ul><li>・項目 &lt;一&gt;</li><li>項目二</li></ul>")]
    [InlineData("全角の文字&nbsp;と&#12354;")]
    public void The_shapes_of_status_reports_are_read_without_AngleSharp_and_alike(string html)
    {
        var fast = FastCellReader.TryRead(html);
        Assert.NotNull(fast);
        Assert.Equal(HtmlCell.TreeByAngleSharp(html).ToString(), fast.ToString());
    }

    [Theory]
    [InlineData("<p>一<p>二")]
    [InlineData("<ul><li>一<li>二</ul>")]
    [InlineData("<p>一</ul>二</p>")]
    [InlineData("a &copy; b")]
    [InlineData("<b>太字</b>")]
    public void Shapes_the_HTML_algorithm_rewrites_go_to_AngleSharp(string html) => Assert.Null(FastCellReader.TryRead(html));
}
