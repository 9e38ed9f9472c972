using Kansa.Calendar;

namespace Kansa.Generator;

/// <summary>
/// The departments (所管課) of the generated city, some renamed by a reorganization (組織改編). The text format has no
/// word for a rename: a report written after it simply uses the new name, and one written before it the old one.
/// </summary>
internal static class DepartmentVocabulary
{
    /// <summary>A department, and the name it had before <paramref name="RenamedFrom"/> when it was renamed.</summary>
    internal sealed record Entry(string Name, string? FormerName = null, int RenamedFrom = 0)
    {
        /// <summary>The name a report as of <paramref name="asOf"/> prints.</summary>
        public string NameAt(YearMonth asOf) => FormerName is not null && asOf.Year * 100 + asOf.Month < RenamedFrom ? FormerName : Name;
    }

    private static readonly string[] Central =
    [
        "行政課", "総務課", "人事課", "職員課", "財政課", "契約課", "管財課", "会計課", "市民税課", "資産税課", "納税課",
        "債権管理課", "広聴広報課", "秘書課", "法務課", "危機管理課", "防災課", "市民課", "市民協働推進課", "文化振興課",
        "スポーツ課", "男女共同参画課", "国際課", "環境政策課", "資源循環推進課", "清掃施設課", "廃棄物指導課", "農政課",
        "商工振興課", "観光振興課", "雇用労働課", "福祉総務課", "生活福祉課", "障害福祉課", "高齢者支援課", "介護保険課",
        "国民健康保険課", "健康増進課", "保健予防課", "生活衛生課", "子育て支援課", "保育課", "子育て給付課", "児童相談所",
        "こども若者政策課", "都市計画課", "建築指導課", "開発調整課", "住宅課", "公園課", "路政課", "道路整備課",
        "道路維持課", "河川課", "下水道経営課", "下水道保全課", "水道総務課", "営繕課", "教育総務課", "学校施設課",
        "学務課", "教職員課", "生涯学習課", "図書館", "文化財保護課", "消防総務課", "予防課", "警防課", "病院経営課",
        "医事課", "議会総務課", "政策調査課", "選挙管理委員会事務局", "農業委員会事務局",
    ];

    private static readonly string[] Wards = ["緑区", "中央区", "南区", "北区", "東区"];

    private static readonly string[] WardSections = ["区政策課", "地域振興課", "区民課", "保険年金課", "こども家庭課", "まちづくり課"];

    private static readonly Entry[] Renamed =
    [
        new("DX推進課", "情報政策課", 202104),
        new("デジタル戦略課", "情報システム課", 202204),
        new("経営監理課", "行政改革推進課", 202004),
        new("資産経営課", "公共施設マネジメント推進課", 202304),
        new("こども・若者支援課", "青少年課", 202304),
        new("地域包括ケア推進課", "地域福祉課", 201904),
        new("脱炭素推進課", "温暖化対策課", 202204),
        new("交通政策課", "交通計画課", 201804),
        new("上下水道経営課", "水道経営課", 202104),
        new("教育DX推進課", "教育センター", 202304),
    ];

    /// <summary>Every department, the renamed ones first so a small city still shows a rename.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        .. Renamed,
        .. Central.Select(n => new Entry(n)),
        .. Wards.SelectMany(w => WardSections.Select(s => new Entry(w + "役所" + s))),
    ];
}
