using System.Globalization;
using System.Text;
using Kansa.Audits;

namespace Kansa.Generator;

/// <summary>
/// Writes one audit's status report of one round in the city's text format: page blocks of one to three rows, each
/// with the title, theme and header repeated as on the published PDF's pages, then the empty last block and the
/// summary table. Writes row by row, so an audit of any size takes the memory of one row.
/// </summary>
internal sealed class StatusReportComposer(long seed)
{
    // The seed's dash row under the last header, kept character for character.
    private const string DashRow = "----\t------\t----\t-----\t-------------\t------------\t-----------";

    private readonly StringBuilder row = new();
    private bool started;

    /// <summary>The next report starts a new file: no blank line before its first title.</summary>
    public void StartFile() => started = false;

    /// <summary>Writes audit <paramref name="plan"/>'s report of round <paramref name="round"/>.</summary>
    public void Write(TextWriter writer, AuditPlan plan, int round)
    {
        var asOf = plan.AsOf(round);
        var title = $"{FiscalYears.Label(plan.FiscalYear)}{plan.Kind}の結果に対する対応状況({asOf.ToWareki()}現在)";
        var layout = GeneratorRandom.For(seed, 30, plan.Index, round);
        var prefix = FiscalYears.ShortLabel(plan.FiscalYear);
        var done = new int[2];
        int inBlock = 0, blockSize = 0;
        foreach (var category in (FindingCategory[])[FindingCategory.Finding, FindingCategory.Opinion])
        {
            var total = category == FindingCategory.Finding ? plan.Shiteki : plan.Iken;
            var number = $"{prefix}-{(category == FindingCategory.Finding ? "指" : "意")}-";
            for (var sequence = 1; sequence <= total; sequence++)
            {
                var fate = FindingFate.Create(seed, plan, category, sequence);
                if (fate.At(round) is not { } listed)
                {
                    continue;
                }

                if (listed.Stage == FindingFate.Stage.Done)
                {
                    done[(int)category]++;
                }

                if (inBlock == blockSize)
                {
                    Page(writer, title, plan.Theme, ref layout);
                    (inBlock, blockSize) = (0, layout.Between(1, 3));
                }

                inBlock++;
                Row(writer, plan, fate, listed, number, asOf);
            }
        }

        Page(writer, title, plan.Theme, ref layout);
        writer.Write(DashRow);
        writer.Write("\n\n");
        Summary(writer, plan, done);
    }

    private void Page(TextWriter writer, string title, string theme, ref GeneratorRandom layout)
    {
        writer.Write(started ? "\n" : "");
        started = true;
        writer.Write(title);
        writer.Write("\n\nテーマ「");
        writer.Write(theme);
        writer.Write("」\n\n番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t");
        // The seed's pages differ in this one header: with and without a space before the parenthesis.
        writer.Write(layout.Percent(50) ? "対応区分 (公表年月)" : "対応区分(公表年月)");
        writer.Write("\t措置(対応)の内容\n");
    }

    private void Row(TextWriter writer, AuditPlan plan, FindingFate fate, FindingFate.Listed listed, string number, Calendar.YearMonth asOf)
    {
        row.Clear();
        row.Append(number).Append(fate.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(FindingText.Pages(seed, plan, fate)).Append('\t')
            .Append(fate.Category == FindingCategory.Finding ? "指摘" : "意見").Append('\t')
            .Append(FindingText.Departments(seed, plan, fate, asOf)).Append('\t');
        FindingText.Content(row, seed, plan, fate);
        row.Append('\t');
        FindingText.Status(row, seed, plan, fate, listed);
        row.Append('\t');
        FindingText.Response(row, seed, plan, fate, listed);
        row.Append('\n');
        writer.Write(row);
    }

    private static void Summary(TextWriter writer, AuditPlan plan, int[] done)
    {
        var (shiteki, iken) = (plan.Shiteki, plan.Iken);
        var (doneShiteki, doneIken) = (done[(int)FindingCategory.Finding], done[(int)FindingCategory.Opinion]);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"指摘事項\t\t意見\t\n措置済\t{doneShiteki}\t対応済\t{doneIken}\n未措置\t{shiteki - doneShiteki}\t未対応\t{iken - doneIken}\n合計\t{shiteki}\t合計\t{iken}\n"));
    }
}
