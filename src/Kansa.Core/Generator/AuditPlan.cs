using Kansa.Calendar;

namespace Kansa.Generator;

/// <summary>
/// One generated audit: its kind, fiscal year, theme, how many 指摘 and 意見 it has and the months of its status
/// reports. Computed from the options and the audit's index alone, so the generator never holds all audits.
/// </summary>
/// <param name="Index">The audit's position, 0-based.</param>
/// <param name="Kind">The audit kind (包括外部監査 …).</param>
/// <param name="FiscalYear">The fiscal year, western (2023 for 令和5年度).</param>
/// <param name="Theme">The theme, distinct among the audits of the same kind.</param>
/// <param name="Shiteki">How many 指摘 it has.</param>
/// <param name="Iken">How many 意見 it has.</param>
/// <param name="FirstRound">The as-of month of its first status report, as a month number (year × 12 + month − 1).</param>
/// <param name="Step">Months between two status reports.</param>
/// <param name="Rounds">How many status reports it has.</param>
public sealed record AuditPlan(int Index, string Kind, int FiscalYear, string Theme, int Shiteki, int Iken, int FirstRound, int Step, int Rounds)
{
    /// <summary>The first fiscal year audits are drawn from: 平成27年度.</summary>
    public const int FirstFiscalYear = 2015;

    /// <summary>The last fiscal year audits are drawn from: 令和5年度.</summary>
    public const int LastFiscalYear = 2023;

    private static readonly int[] FirstOffsets = [2, 4, 6];

    private static readonly int[] Steps = [6, 6, 12, 4];

    /// <summary>The plan of audit <paramref name="index"/>.</summary>
    public static AuditPlan Create(GeneratorOptions options, int index)
    {
        var cycle = ThemeVocabulary.KindCycle;
        var rotation = GeneratorRandom.For(options.Seed, 10).Next(cycle.Count);
        var kind = cycle[(index + rotation) % cycle.Count];
        var random = GeneratorRandom.For(options.Seed, 11, index);
        var fiscalYear = random.Between(FirstFiscalYear, LastFiscalYear);
        var first = ToNumber(fiscalYear + 1, 4) + random.Pick(FirstOffsets);
        var step = random.Pick(Steps);
        var size = Size(options, index);
        var lowest = Math.Max(size - GeneratorOptions.MaxPerCategory, size >= 2 ? 1 : 0);
        var highest = Math.Min(GeneratorOptions.MaxPerCategory, size >= 2 ? size - 1 : size);
        var shiteki = Math.Clamp((int)Math.Round(size * random.Between(20, 55) / 100.0), lowest, highest);
        var theme = ThemeVocabulary.Theme(kind, Occurrence(index, rotation, kind), GeneratorRandom.For(options.Seed, 12).Next(1000));
        return new AuditPlan(index, kind, fiscalYear, theme, shiteki, size - shiteki, first, step, options.Rounds);
    }

    /// <summary>The as-of month of round <paramref name="round"/> (1-based).</summary>
    public YearMonth AsOf(int round) => ToYearMonth(MonthOf(round));

    /// <summary>The month number of round <paramref name="round"/> (1-based).</summary>
    public int MonthOf(int round) => FirstRound + Step * (round - 1);

    /// <summary>The month number of April of the audit's fiscal year: no status may be published before it.</summary>
    public int FiscalYearStart => ToNumber(FiscalYear, 4);

    /// <summary>The round whose status report is as of <paramref name="month"/>, or 0.</summary>
    public int RoundAt(int month)
    {
        var since = month - FirstRound;
        return since >= 0 && since % Step == 0 && since / Step < Rounds ? since / Step + 1 : 0;
    }

    /// <summary>A month number: year × 12 + month − 1.</summary>
    public static int ToNumber(int year, int month) => year * 12 + month - 1;

    /// <summary>The month of a month number.</summary>
    public static YearMonth ToYearMonth(int number) => new(number / 12, number % 12 + 1);

    /// <summary>
    /// The audit's size: an even share of the findings, then moved between neighbours (audit 0 and 1, 2 and 3 …)
    /// so that sizes vary while their sum stays exactly the number asked for.
    /// </summary>
    private static int Size(GeneratorOptions options, int index)
    {
        int Share(int i) => options.Findings / options.Audits + (i < options.Findings % options.Audits ? 1 : 0);
        var first = index - index % 2;
        if (first + 1 >= options.Audits)
        {
            return Share(index);
        }

        var (a, b) = (Share(first), Share(first + 1));
        var bound = Math.Min(Math.Min(b - 1, GeneratorOptions.MaxPerAudit - a), b / 2);
        var moved = GeneratorRandom.For(options.Seed, 13, first).Next(bound + 1);
        return index == first ? a + moved : b - moved;
    }

    // How many audits before this one have the same kind: the kinds repeat in a fixed cycle.
    private static long Occurrence(int index, int rotation, string kind)
    {
        var cycle = ThemeVocabulary.KindCycle;
        var perCycle = cycle.Count(k => k == kind);
        long count = (long)(index / cycle.Count) * perCycle;
        for (var i = index - index % cycle.Count; i < index; i++)
        {
            if (cycle[(i + rotation) % cycle.Count] == kind)
            {
                count++;
            }
        }

        return count;
    }
}
