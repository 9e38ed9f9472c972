using Kansa.Findings;

namespace Kansa;

/// <summary>The category of a finding: 指摘 (calls for action) or 意見 (advice).</summary>
public enum FindingCategory
{
    /// <summary>指摘 (指摘事項): a result that calls for corrective action.</summary>
    Finding,

    /// <summary>意見: advice attached to the report.</summary>
    Opinion,
}

/// <summary>Japanese labels of <see cref="FindingCategory"/>.</summary>
public static class FindingCategories
{
    /// <summary>Both categories in the order reports list them.</summary>
    public static readonly IReadOnlyList<FindingCategory> All = [FindingCategory.Finding, FindingCategory.Opinion];

    /// <summary>指摘 or 意見.</summary>
    public static string Label(this FindingCategory category) =>
        category == FindingCategory.Finding ? Glossary.Shiteki : Glossary.Iken;

    /// <summary>The letter used in numbers: 指 or 意.</summary>
    public static string Letter(this FindingCategory category) =>
        category == FindingCategory.Finding ? Glossary.ShitekiLetter : Glossary.IkenLetter;

    /// <summary>Reads 指摘, 指摘事項, 意見, 意見事項 (any width, any spacing).</summary>
    public static FindingCategory? Parse(string? text)
    {
        // A filter such as ?category=%EF%BF%BE is no category (and NFKC would throw on it).
        if (!TextLimits.CanLookUp(text, TextLimits.StatusWord))
        {
            return null;
        }

        var s = Identifiers.Compact(text);
        if (s.StartsWith(Glossary.Shiteki, StringComparison.Ordinal))
        {
            return FindingCategory.Finding;
        }

        return s.StartsWith(Glossary.Iken, StringComparison.Ordinal) ? FindingCategory.Opinion : null;
    }
}
