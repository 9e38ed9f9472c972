
namespace Kansa.Generator;

/// <summary>
/// What happens to one finding over an audit's rounds: when it is first reported in progress, when done (or that the
/// department will not act), and the month each status was published. Drawn from the finding's own random stream,
/// so every round sees the same story without the generator remembering it.
/// </summary>
internal sealed class FindingFate
{
    private FindingFate(AuditPlan plan, FindingCategory category, int sequence, GeneratorRandom random)
    {
        Category = category;
        Sequence = sequence;
        if (random.Percent(3))
        {
            WontRound = random.Between(1, plan.Rounds);
            WontPublished = Published(plan, WontRound, ref random);
            return;
        }

        for (var round = 1; round <= plan.Rounds && DoneRound == 0; round++)
        {
            if (random.Percent(round == 1 ? 45 : 55))
            {
                DoneRound = round;
            }
        }

        var lastOpen = DoneRound == 0 ? plan.Rounds : DoneRound - 1;
        if (lastOpen > 0 && random.Percent(30))
        {
            ProgressRound = random.Between(1, lastOpen);
            ProgressPublished = Published(plan, ProgressRound, ref random);
        }

        if (DoneRound > 0)
        {
            DonePublished = Published(plan, DoneRound, ref random);
        }
    }

    /// <summary>指摘 or 意見.</summary>
    public FindingCategory Category { get; }

    /// <summary>The sequence number within the category.</summary>
    public int Sequence { get; }

    /// <summary>The round from which it is done, or 0.</summary>
    public int DoneRound { get; }

    /// <summary>The month number its done status was published.</summary>
    public int DonePublished { get; }

    /// <summary>The round from which it is reported in progress, or 0.</summary>
    public int ProgressRound { get; }

    /// <summary>The month number its in-progress status was published.</summary>
    public int ProgressPublished { get; }

    /// <summary>The round from which the department says it will not act, or 0.</summary>
    public int WontRound { get; }

    /// <summary>The month number that was published.</summary>
    public int WontPublished { get; }

    /// <summary>The fate of finding <paramref name="sequence"/> of a category in an audit.</summary>
    public static FindingFate Create(long seed, AuditPlan plan, FindingCategory category, int sequence) =>
        new(plan, category, sequence, GeneratorRandom.For(seed, 20, plan.Index, (int)category, sequence));

    /// <summary>What round <paramref name="round"/>'s report says of it; null when it is not listed (still open).</summary>
    public Listed? At(int round) =>
        WontRound > 0 && round >= WontRound ? new Listed(Stage.WillNotImplement, WontPublished)
        : DoneRound > 0 && round >= DoneRound ? new Listed(Stage.Done, DonePublished)
        : ProgressRound > 0 && round >= ProgressRound ? new Listed(Stage.InProgress, ProgressPublished)
        : null;

    // A status is published after the report before it and by the report that lists it; the first within the
    // half year before its report, and never before the audit's fiscal year began.
    private static int Published(AuditPlan plan, int round, ref GeneratorRandom random)
    {
        var latest = plan.MonthOf(round);
        var earliest = round == 1 ? Math.Max(plan.FiscalYearStart, latest - 5) : plan.MonthOf(round - 1) + 1;
        return random.Between(earliest, latest);
    }

    /// <summary>How far a listed finding has come.</summary>
    internal enum Stage
    {
        /// <summary>措置中, 検討中 ….</summary>
        InProgress,

        /// <summary>措置済, 対応済.</summary>
        Done,

        /// <summary>措置を行わない, 対応しない.</summary>
        WillNotImplement,
    }

    /// <summary>A listed status and the month number it was published.</summary>
    internal sealed record Listed(Stage Stage, int Published);
}
