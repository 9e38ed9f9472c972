namespace Kansa.Generator;

/// <summary>The audit kinds and the themes (テーマ) each is given.</summary>
internal static class ThemeVocabulary
{
    /// <summary>The kinds in the order audits are assigned them: comprehensive external audits are the most common.</summary>
    public static IReadOnlyList<string> KindCycle { get; } =
        ["包括外部監査", "定期監査", "包括外部監査", "行政監査", "定期監査", "財政援助団体等監査", "包括外部監査", "工事監査", "定期監査", "随時監査"];

    private static readonly string[] ExternalSubjects =
    [
        "補助金等の交付事務及び交付先団体に対する指導監督", "公の施設の管理運営", "市税及び債権の管理", "情報システムの調達及び運用",
        "契約事務の執行", "下水道事業の経営", "病院事業の財務事務", "ごみ処理事業の運営", "市営住宅の管理", "学校施設の維持管理",
        "子育て支援施策の推進", "高齢者福祉施策の推進", "観光振興事業", "公有財産の管理及び活用", "外郭団体の経営管理",
        "防災及び危機管理の体制", "道路及び橋りょうの維持管理", "上水道施設の更新", "DX戦略を踏まえた情報セキュリティの管理体制",
        "職員の人件費及び働き方改革", "指定管理者制度の運用", "障害者福祉施策の推進", "文化・スポーツ施設の運営", "公園緑地の管理",
        "農業振興施策", "中小企業支援施策", "生活保護の実施", "国民健康保険事業の運営", "消防行政の執行", "公共交通施策の推進",
    ];

    private static readonly string[] ExternalAspects =
    ["の財務事務の執行について", "に係る事務の執行及び管理体制について", "の事務の執行及び事業の管理について", "について"];

    private static readonly string[] Bureaus =
    [
        "総務局", "財政局", "市民局", "健康福祉局", "こども家庭局", "環境経済局", "都市建設局", "教育委員会事務局",
        "消防局", "上下水道局", "議会局", "区役所",
    ];

    private static readonly string[] RegularPrefixes =
    ["財務に関する事務の執行及び経営に係る事業の管理について", "財務に関する事務の執行について", "事務の執行及び事業の管理について"];

    private static readonly string[] AdministrativeSubjects =
    [
        "公文書の管理", "個人情報の保護に関する事務", "附属機関の運営", "窓口サービスの提供", "職員の時間外勤務の管理",
        "行政手続のオンライン化", "業務委託の履行確認", "公用車の管理", "市有建築物の保全", "行政評価の実施", "内部統制の運用",
        "災害時の要配慮者への支援", "ハラスメント防止の取組", "庁内のペーパーレス化", "情報公開制度の運用",
    ];

    private static readonly string[] AidedBodies =
    [
        "社会福祉法人", "公益財団法人", "商店街振興組合", "自治会連合会", "観光協会", "シルバー人材センター", "体育協会",
        "国際交流協会", "土地改良区", "私立幼稚園", "NPO法人", "消防団",
    ];

    private static readonly string[] Works =
    [
        "小学校校舎の大規模改修工事", "市道の舗装補修工事", "下水道管渠の更生工事", "消防庁舎の建設工事", "公園の再整備工事",
        "橋りょうの耐震補強工事", "浄水場の設備更新工事", "市営住宅の外壁改修工事", "図書館の空調設備更新工事",
        "河川護岸の整備工事", "体育館のトイレ改修工事", "庁舎の照明LED化工事",
    ];

    private static readonly string[] AdHocSubjects =
    [
        "現金の取扱いに関する事務", "物品の購入及び管理に関する事務", "使用料の徴収に関する事務", "給与の支給に関する事務",
        "委託料の支出に関する事務", "負担金の支出に関する事務", "寄附金の受入れに関する事務", "旅費の支給に関する事務",
    ];

    private static readonly Dictionary<string, string[]> Pools = new(StringComparer.Ordinal)
    {
        ["包括外部監査"] = [.. ExternalSubjects.SelectMany(s => ExternalAspects.Select(a => s + a))],
        ["定期監査"] = [.. RegularPrefixes.SelectMany(p => Pairs(Bureaus).Select(b => $"{p}({b})"))],
        ["行政監査"] = [.. AdministrativeSubjects.SelectMany(s => (string[])[s + "について", s + "の適正な執行について"])],
        ["財政援助団体等監査"] = [.. AidedBodies.SelectMany(b => (string[])[$"{b}に対する財政的援助に係る事務の執行について", $"{b}に対する補助金の交付に係る出納その他の事務について"])],
        ["工事監査"] = [.. Works.SelectMany(w => (string[])[$"{w}の設計、積算及び施工について", $"{w}の施工監理について"])],
        ["随時監査"] = [.. AdHocSubjects.SelectMany(s => (string[])[s + "について", s + "の執行状況について"])],
    };

    /// <summary>
    /// The theme of the <paramref name="occurrence"/>-th audit of a kind: distinct for every occurrence, because the
    /// importer tells two audits of the same year and kind apart by their theme only.
    /// </summary>
    public static string Theme(string kind, long occurrence, int rotation)
    {
        var pool = Pools[kind];
        // 7919 is prime and larger than every pool, so stepping by it visits every theme before repeating one.
        var index = (int)((occurrence * 7919 + rotation) % pool.Length);
        var round = occurrence / pool.Length;
        return round == 0 ? pool[index] : $"{pool[index]}(その{round + 1})";
    }

    private static IEnumerable<string> Pairs(string[] items) =>
        items.SelectMany((a, i) => items.Skip(i + 1).Select(b => a + "、" + b));
}
