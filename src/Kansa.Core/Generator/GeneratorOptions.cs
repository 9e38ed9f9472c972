using System.Globalization;

namespace Kansa.Generator;

/// <summary>What <c>kansa dev generate</c> makes: how many findings, in how many audits, over how many rounds.</summary>
/// <param name="Findings">Findings in all (指摘 and 意見 together).</param>
/// <param name="Audits">Audits they are spread over.</param>
/// <param name="Rounds">Status reports per audit, each a later month.</param>
/// <param name="Seed">The seed: the same options always give the same files.</param>
public sealed record GeneratorOptions(int Findings, int Audits, int Rounds, long Seed)
{
    /// <summary>The most findings one run makes (a national service is about 2 million).</summary>
    public const int MaxFindings = 10_000_000;

    /// <summary>The most findings of one category in one audit: the importer refuses a summary count over 9999.</summary>
    public const int MaxPerCategory = 9999;

    /// <summary>The most findings one audit holds: both categories full.</summary>
    public const int MaxPerAudit = 2 * MaxPerCategory;

    /// <summary>The most rounds of one audit.</summary>
    public const int MaxRounds = 12;

    /// <summary>Findings per audit when --audits is not given, about what a city's audit yields.</summary>
    public const int DefaultPerAudit = 100;

    /// <summary>Rounds when --rounds is not given.</summary>
    public const int DefaultRounds = 3;

    /// <summary>
    /// Reads the options as typed on the command line (null where not given), with a Japanese message per bad one.
    /// </summary>
    public static Outcome<GeneratorOptions> Parse(string? findings, string? audits, string? rounds, string? seed)
    {
        var problems = new List<Problem>();
        var n = Number("--findings", findings, 1, MaxFindings, null, problems);
        var r = Number("--rounds", rounds, 1, MaxRounds, DefaultRounds, problems);
        long s = 1;
        if (seed is not null && !long.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out s))
        {
            problems.Add(new Problem("--seed", $"--seed「{seed}」は整数ではありません (例: --seed 1)"));
        }

        int? a = null;
        if (n is { } total)
        {
            var fewest = (total + MaxPerAudit - 1) / MaxPerAudit;
            a = Number("--audits", audits, 1, total, Math.Max(fewest, (total + DefaultPerAudit - 1) / DefaultPerAudit), problems);
            if (a is { } count && count < fewest)
            {
                problems.Add(new Problem("--audits", $"--audits {count} では1つの監査の指摘・意見が {MaxPerAudit:N0} 件 (指摘・意見それぞれ集計表の上限 {MaxPerCategory:N0} 件) を超えます。{fewest:N0} 以上にしてください"));
                a = null;
            }
        }
        else if (findings is null)
        {
            problems.Add(new Problem("--findings", "--findings (作る指摘・意見の件数) を指定してください (例: --findings 1000)"));
        }

        return problems.Count > 0 || n is null || a is null || r is null
            ? Outcome<GeneratorOptions>.Invalid(problems)
            : Outcome<GeneratorOptions>.Ok(new GeneratorOptions(n.Value, a.Value, r.Value, s));
    }

    private static int? Number(string name, string? text, int min, int max, int? fallback, List<Problem> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add(new Problem(name, $"{name}「{text}」は {min:N0} 以上 {max:N0} 以下の整数で指定してください"));
            return null;
        }

        return value;
    }
}
