using System.Globalization;
using System.Text;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Responses;

namespace Kansa.Benchmarks;

/// <summary>
/// Generates status-report text in the seed's format (PRODUCT.md §3) for ten years of a city's audits:
/// the data volume R5-意-9 asks us to plan for. Deterministic: the same call always gives the same text.
/// </summary>
/// <remarks>
/// The city is fictional; the prose is assembled from stock phrases of audit reports so that rows are
/// as long as real ones (about 1,000–1,600 characters a row, the seed averages about 650).
/// Each audit has <see cref="FindingsPerAudit"/> findings (15 指摘, 45 意見) and is published
/// <see cref="Snapshots"/> times, 6 months apart; like the seed, a document lists the findings done and
/// in progress, and its summary table counts the rest, which the importer infers as open.
/// </remarks>
public static class TenYears
{
    /// <summary>The first fiscal year: 平成26年度; the last is 令和5年度, whose last snapshot is 令和8年2月.</summary>
    public const int FirstFiscalYear = 2014;

    /// <summary>Fiscal years of audits.</summary>
    public const int Years = 10;

    /// <summary>Findings per audit.</summary>
    public const int FindingsPerAudit = 60;

    /// <summary>指摘 per audit; the rest are 意見.</summary>
    public const int ShitekiPerAudit = 15;

    /// <summary>Publications of each audit's follow-up.</summary>
    public const int Snapshots = 4;

    /// <summary>The audit kinds of each year.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["包括外部監査", "定期監査"];

    private static readonly string[] Themes =
    [
        "DX戦略を踏まえた情報システムの財務事務の執行及び情報セキュリティ等の管理体制について",
        "補助金等の交付事務及び交付先団体に対する指導監督について",
        "公共施設の維持管理及び長寿命化計画の執行について",
        "外郭団体の経営管理及び市の関与のあり方について",
        "上下水道事業の財務事務の執行について",
        "債権管理に関する事務の執行について",
        "子育て支援施策に係る財務事務の執行について",
        "廃棄物処理事業の財務事務の執行及び管理について",
        "市立病院事業の経営及び財務事務の執行について",
        "契約事務の執行及び入札制度の運用について",
    ];

    private static readonly string[] Departments =
    [
        "DX推進課", "情報政策課", "行政課", "総務課", "人事課", "財政課", "契約課", "管財課", "資産税課", "市民税課",
        "納税課", "市民協働推進課", "区政支援課", "緑区役所地域振興課", "中央区役所地域振興課", "南区役所地域振興課", "福祉基盤課", "高齢政策課", "障害政策課", "生活福祉課",
        "子育て給付課", "保育課", "こども家庭課", "健康増進課", "医療政策課", "環境政策課", "資源循環推進課", "廃棄物指導課", "都市計画課", "建築指導課",
        "路政課", "道路計画課", "下水道経営課", "公園課", "教育総務課", "学務課", "教育環境課", "生涯学習課", "政策調査課", "消防総務課",
    ];

    private static readonly string[] Subjects =
    [
        "業務委託契約", "情報システムの保守契約", "補助金の交付事務", "公有財産の管理", "物品の管理", "債権の管理", "使用料の徴収事務",
        "指定管理者の選定及び評価", "再委託の承認手続", "個人情報の取扱い", "アクセス権限の管理", "パスワードの管理",
        "現金の取扱い", "備品台帳の整備", "随意契約の理由", "予定価格の積算", "検収の手続", "システムの更新計画",
        "外部監査の指摘事項への対応", "データのバックアップ", "委託先の監督", "業務マニュアルの整備", "職員研修の実施",
    ];

    private static readonly string[] Problems =
    [
        "その根拠となる規定が契約書等に記載されていない事例が見られた",
        "所管課と委託先との間の取決めが書面で残されていなかった",
        "台帳の記載と現物の状況が一致していない事例があった",
        "決裁を経ないまま運用が変更されていた",
        "担当者の異動の際に手順が引き継がれていなかった",
        "要綱と実際の運用とが異なる状態が長く続いていた",
        "承認の手続を経ずに事務が進められていた事例があった",
        "定められた期限までに報告が提出されていなかった",
        "同一の業務について複数の様式が併存していた",
        "実績の確認が書類の形式的な点検にとどまっていた",
    ];

    private static readonly string[] Recommendations =
    [
        "契約書または覚書等において、その運用と基準を文言で明記すべきである",
        "手順を文書化し、担当者が替わっても同じ水準で事務が行われるようにすることが望ましい",
        "定期的に実地の確認を行い、その結果を記録として残すことが必要である",
        "全庁的な基準を定め、所管課ごとの運用の差をなくすことが望まれる",
        "費用対効果を踏まえた上で、システムによる自動化を検討されたい",
        "決裁の手続を明確にし、権限を持つ者の承認を経て変更する仕組みに改めるべきである",
        "委託先からの報告を受けるだけでなく、市が自ら確認する体制を整えることが望まれる",
    ];

    private static readonly string[] Details =
    [
        "令和元年度から令和4年度までの4年間で、同様の事例が合計12件確認された。",
        "担当者への聞き取りによれば、従前からの慣行として行われていたとのことである。",
        "関係する書類を閲覧したところ、当該運用に関する記載はなかった。",
        "年間の件数は1,000件を超えており、当該事務に多くの事務量が発生している。",
        "他の政令指定都市においては、同様の事務について要領を定めている例がある。",
        "人事異動や委託先の担当者の変更により、運用が変わるおそれがある。",
        "監査の過程で所管課に確認したところ、改善の必要性は認識されていた。",
        "住民の個人情報を取り扱う業務であることから、特に慎重な対応が求められる。",
    ];

    private static readonly string[] Measures =
    [
        "令和{0}年{1}月に要領を改正し、手順と責任者を明記した。",
        "所管課と委託先との間で協議を行い、覚書を締結して運用の基準を定めた。",
        "台帳と現物の突合を実施し、不一致のあったものについて台帳を修正した。",
        "全庁に通知を発出し、同様の事例がないかを各課において点検した。",
        "担当者向けのマニュアルを作成し、異動の際の引継ぎ事項に加えた。",
        "システムの改修を行い、対象外のデータを自動で除外できるようにした。",
        "職員を対象とした研修を実施し、制度の趣旨と手続の周知を図った。",
        "次回以降の契約においては、仕様書に当該事項を記載することとした。",
    ];

    private static readonly string[] Ongoing =
    [
        "現在、関係課と協議を進めており、次年度の契約更新に合わせて対応する予定である。",
        "システムの更新時期を見据え、必要な改修の範囲と費用を検討している。",
        "他市の事例を調査しており、要領の改正に向けて検討を進めている。",
    ];

    /// <summary>
    /// The month of publication <paramref name="k"/> (1-based) of an audit: 16, 22, 28 and 34 months after its
    /// fiscal year begins (August, February, August, February).
    /// </summary>
    public static YearMonth SnapshotMonth(int fiscalYear, int k) =>
        AddMonths(new YearMonth(fiscalYear + 1, 8), 6 * (k - 1));

    /// <summary>Every document of ten years: 10 years × 2 kinds × 4 snapshots = 80 files, in the order they were published per audit.</summary>
    public static IReadOnlyList<(string FileName, string Text)> Corpus()
    {
        var files = new List<(string, string)>();
        for (var y = 0; y < Years; y++)
        {
            for (var kind = 0; kind < Kinds.Count; kind++)
            {
                for (var k = 1; k <= Snapshots; k++)
                {
                    var fy = FirstFiscalYear + y;
                    var name = string.Create(CultureInfo.InvariantCulture, $"{fy}_{kind}_{SnapshotMonth(fy, k)}.txt");
                    files.Add((name, Document([(fy, kind)], k)));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// One large document: the latest publication of ten audits (one 包括外部監査 a year for ten years),
    /// 60 findings each, in a single file.
    /// </summary>
    public static string LargeDocument() =>
        Document([.. Enumerable.Range(FirstFiscalYear, Years).Select(fy => (fy, 0))], Snapshots);

    /// <summary>Writes <see cref="Corpus"/> to a folder; returns the paths in import order.</summary>
    public static IReadOnlyList<string> WriteCorpus(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (name, text) in Corpus())
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The document of the given audits at snapshot <paramref name="k"/>.</summary>
    public static string Document(IReadOnlyList<(int FiscalYear, int Kind)> audits, int k)
    {
        var sb = new StringBuilder();
        foreach (var (fy, kindIndex) in audits)
        {
            var kind = Kinds[kindIndex];
            var asOf = SnapshotMonth(fy, k);
            var title = $"{FiscalYears.Label(fy)}{kind}の結果に対する対応状況({asOf.ToWareki()}現在)";
            var theme = Themes[((fy - FirstFiscalYear) + (5 * kindIndex)) % Themes.Length];
            var prefix = FiscalYears.ShortLabel(fy);
            var rows = Enumerable.Range(0, FindingsPerAudit)
                .Select(j => Row(fy, kindIndex, prefix, j, k))
                .Where(r => r is not null)
                .ToList();

            // Two rows a page, the title, theme and header repeated on each, as in the seed.
            for (var page = 0; page < rows.Count; page += 2)
            {
                PageHead(sb, title, theme);
                foreach (var row in rows.Skip(page).Take(2))
                {
                    sb.Append(row).Append('\n');
                }

                sb.Append('\n');
            }

            PageHead(sb, title, theme);
            sb.Append("----\t------\t----\t-----\t-------------\t------------\t-----------\n\n");
            var doneShiteki = Enumerable.Range(0, ShitekiPerAudit).Count(j => StateAt(fy, kindIndex, j, k) == RowState.Done);
            var doneIken = Enumerable.Range(ShitekiPerAudit, FindingsPerAudit - ShitekiPerAudit).Count(j => StateAt(fy, kindIndex, j, k) == RowState.Done);
            var iken = FindingsPerAudit - ShitekiPerAudit;
            sb.Append(CultureInfo.InvariantCulture, $"指摘事項\t\t意見\t\n");
            sb.Append(CultureInfo.InvariantCulture, $"措置済\t{doneShiteki}\t対応済\t{doneIken}\n");
            sb.Append(CultureInfo.InvariantCulture, $"未措置\t{ShitekiPerAudit - doneShiteki}\t未対応\t{iken - doneIken}\n");
            sb.Append(CultureInfo.InvariantCulture, $"合計\t{ShitekiPerAudit}\t合計\t{iken}\n\n");
        }

        return sb.ToString();
    }

    private enum RowState
    {
        Open,
        InProgress,
        Done,
    }

    private static void PageHead(StringBuilder sb, string title, string theme)
    {
        sb.Append(title).Append("\n\n");
        sb.Append("テーマ「").Append(theme).Append("」\n\n");
        sb.Append("番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分(公表年月)\t措置(対応)の内容\n");
    }

    /// <summary>The snapshot at which a finding is done (1..4), or 5 for never; about 30/25/20/15/10 %.</summary>
    private static int DoneAt(int fy, int kind, int j)
    {
        var r = Hash(fy, kind, j, 1) % 100;
        return r < 30 ? 1 : r < 55 ? 2 : r < 75 ? 3 : r < 90 ? 4 : 5;
    }

    private static RowState StateAt(int fy, int kind, int j, int k)
    {
        var done = DoneAt(fy, kind, j);
        if (k >= done)
        {
            return RowState.Done;
        }

        // Half of the findings are reported in progress in the publication before they are done
        // (and, for those never done, from the second publication on).
        var reportsProgress = Hash(fy, kind, j, 2) % 2 == 0;
        return reportsProgress && (k == done - 1 || (done == 5 && k >= 2)) ? RowState.InProgress : RowState.Open;
    }

    private static string? Row(int fy, int kind, string prefix, int j, int k)
    {
        var state = StateAt(fy, kind, j, k);
        if (state == RowState.Open)
        {
            return null;
        }

        var shiteki = j < ShitekiPerAudit;
        var sequence = shiteki ? j + 1 : j - ShitekiPerAudit + 1;
        var number = $"{prefix}-{(shiteki ? "指" : "意")}-{sequence}";
        var page = 20 + (j * 4) + (int)(Hash(fy, kind, j, 3) % 3);
        var pages = Hash(fy, kind, j, 4) % 3 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"P{page}~{page + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"P{page}");
        var department = Departments[Hash(fy, kind, j, 5) % (uint)Departments.Length];
        if (Hash(fy, kind, j, 6) % 10 == 0)
        {
            department += "、" + Departments[Hash(fy, kind, j, 7) % (uint)Departments.Length];
        }

        string status;
        string response;
        if (state == RowState.Done)
        {
            var published = PublishedMonth(fy, kind, j);
            status = $"{(shiteki ? "措置済" : "対応済")} ({published.ToShortWareki()})";
            response = Response(fy, kind, j, published);
        }
        else
        {
            status = shiteki ? "措置中" : "対応中";
            response = "<p>" + Ongoing[Hash(fy, kind, j, 8) % (uint)Ongoing.Length] + "</p> <p>" + Details[Hash(fy, kind, j, 9) % (uint)Details.Length] + "</p>";
        }

        return string.Join('\t', number, pages, shiteki ? "指摘" : "意見", department, Content(fy, kind, j), status, response);
    }

    private static YearMonth PublishedMonth(int fy, int kind, int j)
    {
        var k = DoneAt(fy, kind, j);
        var to = SnapshotMonth(fy, k);
        var from = k == 1 ? new YearMonth(fy + 1, 3) : AddMonths(SnapshotMonth(fy, k - 1), 1);
        var span = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        return AddMonths(from, (int)(Hash(fy, kind, j, 10) % (uint)span));
    }

    private static string Content(int fy, int kind, int j)
    {
        var subject = Subjects[Hash(fy, kind, j, 11) % (uint)Subjects.Length];
        var sb = new StringBuilder();
        sb.Append("<p>").Append(subject).Append("について</p>");
        var paragraphs = 3 + (int)(Hash(fy, kind, j, 12) % 3);
        for (var p = 0; p < paragraphs; p++)
        {
            var problem = Problems[Hash(fy, kind, j, 20 + p) % (uint)Problems.Length];
            var detail = Details[Hash(fy, kind, j, 30 + p) % (uint)Details.Length];
            var detail2 = Details[Hash(fy, kind, j, 40 + p) % (uint)Details.Length];
            sb.Append(" <p>").Append(subject).Append("の状況を確認したところ、").Append(problem).Append('。').Append(detail).Append(detail2).Append("</p>");
            if (p == 1 && Hash(fy, kind, j, 13) % 4 == 0)
            {
                sb.Append(" <ul style=\"list-style-type: none\"> ・").Append(Details[0]).Append(" ・").Append(Details[3]).Append(" ・").Append(Details[5]);
            }
        }

        var recommendation = Recommendations[Hash(fy, kind, j, 14) % (uint)Recommendations.Length];
        sb.Append(" <p>以上のことから、").Append(subject).Append("については、").Append(recommendation).Append("。</p>");
        return sb.ToString();
    }

    private static string Response(int fy, int kind, int j, YearMonth published)
    {
        var sb = new StringBuilder();
        var paragraphs = 2 + (int)(Hash(fy, kind, j, 15) % 3);
        for (var p = 0; p < paragraphs; p++)
        {
            var measure = Measures[Hash(fy, kind, j, 50 + p) % (uint)Measures.Length];
            sb.Append(p == 0 ? "<p>" : " <p>")
              .Append(string.Format(CultureInfo.InvariantCulture, measure, published.EraYear, published.Month))
              .Append(Details[Hash(fy, kind, j, 60 + p) % (uint)Details.Length])
              .Append("</p>");
        }

        sb.Append(" <p>今後も引き続き、適正な事務の執行に努めていく。</p>");
        return sb.ToString();
    }

    private static YearMonth AddMonths(YearMonth m, int months)
    {
        var index = (m.Year * 12) + (m.Month - 1) + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    /// <summary>A small deterministic hash (not string.GetHashCode, which changes per process).</summary>
    private static uint Hash(int fy, int kind, int j, int salt)
    {
        var h = 2166136261u;
        foreach (var v in (int[])[fy, kind, j, salt])
        {
            h = (h ^ (uint)v) * 16777619u;
            h ^= h >> 13;
        }

        return h;
    }
}
