namespace Kansa.Recurrence;

/// <summary>
/// Words of administrative writing that appear in findings of every subject, so two findings sharing them are not
/// alike and a theme named by them says nothing (「理由」「職員」 headed /themes before this list). The document-frequency
/// rule of <see cref="SimilarityIndex"/> drops words found in more than a fifth of the findings; these are the ones
/// that stay under it in a city's collection yet name no subject. Terms are the scorer's bigrams, NFKC-folded.
/// Add a word here when /themes shows it as a theme; never a subject (契約, 委託, 管理 of パスワード管理 stay out of it).
/// </summary>
public static class GenericTerms
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Who: the city's own people and offices.
        "職員", "担当", "所管", "各課", "本市", "市民", "全庁",
        // Why and how, said of any subject.
        "理由", "必要", "確認", "実施", "対応", "状況", "適切", "適正", "今後", "場合", "検討", "内容", "記載",
        "処理", "手続", "関係", "改善", "留意", "徹底", "把握", "整備", "十分", "不十", "現在", "結果", "以下", "以上",
        "方法", "事務", "判断", "明確", "措置", "指摘", "意見", "監査", "報告", "規定", "見直", "周知",
    };

    /// <summary>Whether a term says nothing of a finding's subject.</summary>
    public static bool Contains(string term) => Words.Contains(term);
}
