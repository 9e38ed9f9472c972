using System.Globalization;
using System.Text;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Responses;
using V = Kansa.Generator.FindingVocabulary;

namespace Kansa.Generator;

/// <summary>
/// The cells of one finding's row, in the seed's markup: the content as &lt;p&gt; paragraphs with an unclosed
/// &lt;ul style="list-style-type: none"&gt; list now and then, the response as paragraphs or plain text. The
/// vocabulary holds no &amp;, &lt; or &gt;, so nothing needs escaping.
/// </summary>
internal static class FindingText
{
    /// <summary>The report pages: P45, P76~77, now and then with the stray space PDF extraction leaves (P160~ 161).</summary>
    public static string Pages(long seed, AuditPlan plan, FindingFate fate)
    {
        var random = Random(seed, 21, plan, fate);
        var first = 8 + (fate.Category == FindingCategory.Finding ? 0 : 3) + (fate.Sequence - 1) * 3 + random.Next(3);
        return random.Next(10) switch
        {
            < 6 => Invariant($"P{first}"),
            < 9 => Invariant($"P{first}~{first + random.Between(1, 2)}"),
            _ => Invariant($"P{first}~ {first + 1}"),
        };
    }

    /// <summary>The responsible department or departments (、-separated), named as they were at the report's month.</summary>
    public static string Departments(long seed, AuditPlan plan, FindingFate fate, YearMonth asOf)
    {
        var random = Random(seed, 22, plan, fate);
        var all = DepartmentVocabulary.All;
        // The renamed departments come first and are drawn more often, so that even a small data set shows a rename.
        var first = random.Percent(25) ? random.Next(10) : random.Next(all.Count);
        var name = all[first].NameAt(asOf);
        if (!random.Percent(6))
        {
            return name;
        }

        var second = all[(first + 1 + random.Next(all.Count - 1)) % all.Count].NameAt(asOf);
        return name + "、" + second;
    }

    /// <summary>The content cell: title, facts, an optional list, the auditor's advice.</summary>
    public static void Content(StringBuilder sb, long seed, AuditPlan plan, FindingFate fate)
    {
        var random = Random(seed, 23, plan, fate);
        var subject = random.Pick(V.Subjects);
        var year = FiscalYears.Label(plan.FiscalYear - random.Next(2));
        sb.Append("<p>").Append(subject).Append(random.Pick(V.TitleEndings)).Append("</p> <p>");
        Fill(sb, random.Pick(V.Facts), subject, year, "", ref random).Append("</p>");
        if (random.Percent(20))
        {
            sb.Append(" <p>").Append(random.Pick(V.ListIntros)).Append("</p> <ul style=\"list-style-type: none\">");
            var count = random.Between(2, 4);
            var start = random.Next(V.ListItems.Length);
            for (var i = 0; i < count; i++)
            {
                sb.Append(' ');
                Fill(sb, V.ListItems[(start + i) % V.ListItems.Length], subject, year, "", ref random);
            }
        }

        sb.Append(" <p>");
        var advice = fate.Category == FindingCategory.Finding ? V.ShitekiAdvice : V.IkenAdvice;
        Fill(sb, random.Pick(advice), subject, year, "", ref random).Append("</p>");
    }

    /// <summary>The response cell for a listed status.</summary>
    public static void Response(StringBuilder sb, long seed, AuditPlan plan, FindingFate fate, FindingFate.Listed listed)
    {
        var random = Random(seed, 24 + (int)listed.Stage, plan, fate);
        var subject = V.Subjects[Random(seed, 23, plan, fate).Next(V.Subjects.Length)];
        var month = AuditPlan.ToYearMonth(random.Between(Math.Max(plan.FiscalYearStart, listed.Published - 4), listed.Published)).ToWareki();
        var year = FiscalYears.Label(AuditPlan.ToYearMonth(listed.Published).FiscalYear);
        var plain = random.Percent(30);
        sb.Append(plain ? "" : "<p>");
        switch (listed.Stage)
        {
            case FindingFate.Stage.Done:
                Fill(sb, random.Pick(V.DoneActions), subject, year, month, ref random);
                if (!plain)
                {
                    sb.Append("</p> <p>").Append(random.Pick(V.Futures));
                }

                break;
            case FindingFate.Stage.InProgress:
                Fill(sb, random.Pick(V.ProgressActions), subject, year, month, ref random);
                break;
            default:
                sb.Append(random.Pick(V.WontReasons));
                break;
        }

        sb.Append(plain ? "" : "</p>");
    }

    /// <summary>The status cell: the city's word and the publication month, 措置済 (R7.8), 措置済(R7.8) or 措置済（令和7年2月）.</summary>
    public static void Status(StringBuilder sb, long seed, AuditPlan plan, FindingFate fate, FindingFate.Listed listed)
    {
        var random = Random(seed, 27 + (int)listed.Stage, plan, fate);
        var shiteki = fate.Category == FindingCategory.Finding;
        sb.Append(listed.Stage switch
        {
            FindingFate.Stage.Done => random.Pick(shiteki ? V.DoneWords : V.DoneWordsIken),
            FindingFate.Stage.InProgress => random.Pick(shiteki ? V.ProgressWords : V.ProgressWordsIken),
            _ => shiteki ? "措置を行わない" : "対応しない",
        });
        var month = AuditPlan.ToYearMonth(listed.Published);
        sb.Append(random.Next(20) switch
        {
            < 10 => " (" + month.ToShortWareki() + ")",
            < 19 => "(" + month.ToShortWareki() + ")",
            _ => "（" + month.ToWareki() + "）",
        });
    }

    private static GeneratorRandom Random(long seed, int purpose, AuditPlan plan, FindingFate fate) =>
        GeneratorRandom.For(seed, purpose, plan.Index, (int)fate.Category, fate.Sequence);

    private static StringBuilder Fill(StringBuilder sb, string pattern, string subject, string year, string month, ref GeneratorRandom random)
    {
        var n = random.Between(2, 12).ToString(CultureInfo.InvariantCulture);
        return sb.Append(pattern.Replace("{s}", subject, StringComparison.Ordinal).Replace("{y}", year, StringComparison.Ordinal)
            .Replace("{m}", month, StringComparison.Ordinal).Replace("{n}", n, StringComparison.Ordinal));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
