using System.Globalization;
using System.Text.Json;
using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.ChangeLog;

/// <summary>
/// The change log's glossary: the Japanese for the actions, the kinds of record and their fields that the log stores
/// in English. The stored lines (and their hash chain) never change; only what staff read is translated.
/// </summary>
public static class ChangeLogWording
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["create"] = "登録",
        ["update"] = "変更",
        ["delete"] = "削除",
        ["login"] = "ログイン",
        ["login-failed"] = "ログイン失敗",
        ["logout"] = "ログアウト",
        ["export"] = "出力",
        ["import"] = "取込み",
        ["download"] = "ダウンロード",
    };

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Audit"] = "監査",
        ["Finding"] = "指摘・意見",
        ["FindingDepartment"] = "指摘・意見の所管課",
        ["Department"] = "所管課",
        ["DepartmentName"] = "所管課の名称",
        ["StatusRecord"] = "対応状況の記録",
        ["StatusTerm"] = "対応区分の語",
        ["Response"] = "回答",
        ["ResponseStep"] = "回答の手続き",
        ["ResponseRequest"] = "回答の依頼",
        ["DueDateChange"] = "期限の変更",
        ["PublicationRound"] = "公表の回",
        ["EvidenceFile"] = "根拠資料",
        ["ReminderNotice"] = "期限の通知",
        ["ChangeEntry"] = "操作記録",
        ["AuditEntry"] = "操作記録", // the entity's name in lines written before it was renamed
        ["DepartmentSheet"] = "所管課シート",
        ["User"] = "利用者",
        ["KansaUser"] = "利用者",
        ["UserDepartment"] = "利用者の所管課",
        ["ApiToken"] = "API トークン",
        ["IdentityRole"] = "役割",
        ["IdentityUserRole"] = "利用者の役割",
        ["IdentityUserLogin"] = "外部ログインの連携",
        ["IdentityUserToken"] = "利用者のトークン",
        ["IdentityUserClaim"] = "利用者の属性",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Id"] = "ID", ["Key"] = "キー", ["Kind"] = "種類", ["FiscalYear"] = "年度", ["Theme"] = "テーマ", ["Auditor"] = "監査人",
        ["ReportDate"] = "報告書の提出日", ["LatestDocument"] = "最新の公表資料", ["DocumentKind"] = "資料の種類",
        ["AuditId"] = "監査", ["Number"] = "番号", ["Category"] = "区分", ["Sequence"] = "連番", ["ReportPages"] = "報告書頁",
        ["PageFrom"] = "開始頁", ["PageTo"] = "終了頁", ["Title"] = "件名", ["Excerpt"] = "内容 (報告書より抜粋)",
        ["ContentAsOf"] = "内容の時点", ["FindingId"] = "指摘・意見", ["DepartmentId"] = "所管課", ["Position"] = "順番",
        ["Word"] = "対応区分", ["State"] = "状態", ["Published"] = "公表年月", ["Response"] = "措置 (対応) の内容",
        ["AsOf"] = "時点", ["Source"] = "出典", ["ResponseId"] = "回答", ["CorrectionReason"] = "訂正の理由",
        ["RecordedBy"] = "記録した人", ["RecordedAt"] = "記録日時", ["RequestId"] = "依頼", ["Content"] = "措置 (対応) の内容",
        ["Stage"] = "段階", ["RoundId"] = "公表の回", ["CreatedBy"] = "作成者", ["CreatedAt"] = "作成日時", ["Action"] = "操作",
        ["By"] = "担当", ["At"] = "日時", ["Comment"] = "コメント", ["DueDate"] = "期限", ["OriginalDueDate"] = "当初の期限",
        ["Note"] = "連絡事項", ["RequestedBy"] = "依頼者", ["RequestedAt"] = "依頼日時", ["From"] = "変更前・開始",
        ["To"] = "変更後・終了", ["Reason"] = "理由", ["ChangedBy"] = "変更者", ["ChangedAt"] = "変更日時",
        ["IsPublished"] = "公表済", ["OpenedBy"] = "開いた人", ["OpenedAt"] = "開いた日時", ["PublishedBy"] = "公表した人",
        ["PublishedAt"] = "公表日時", ["IsCancelled"] = "取消し", ["CancelledBy"] = "取り消した人", ["CancelledAt"] = "取消し日時",
        ["CancelReason"] = "取消しの理由", ["FileName"] = "ファイル名", ["ContentType"] = "ファイルの種類", ["Size"] = "大きさ (バイト)",
        ["UploadedBy"] = "添付した人", ["UploadedAt"] = "添付日時", ["Name"] = "名称", ["MergedIntoId"] = "統合先",
        ["MergedFrom"] = "統合した月", ["IsCanonical"] = "標準の語", ["AuditKind"] = "監査の種類", ["UserName"] = "ログイン名",
        ["DisplayName"] = "表示名", ["Email"] = "メールアドレス", ["UserId"] = "利用者", ["RoleId"] = "役割", ["Step"] = "段階",
        ["Format"] = "形式", ["Filter"] = "条件", ["Lines"] = "件数", ["Findings"] = "指摘・意見の件数", ["Departments"] = "所管課",
        ["ExportedAt"] = "書き出した日時", ["Changes"] = "変更", ["Submitted"] = "提出", ["Saved"] = "保存した件数",
        ["Label"] = "名前", ["Rows"] = "行数",
    };

    // Bookkeeping that says nothing to a reader (the version changes with every save).
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "Version" };

    /// <summary>The Japanese for an action (login-failed → ログイン失敗); an unknown one as stored.</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>The Japanese for a kind of record (Finding → 指摘・意見); an unknown one as stored.</summary>
    public static string Entity(string? entityType) => entityType is null ? "" : Entities.GetValueOrDefault(entityType, entityType);

    /// <summary>The actions, for the filter's choices: (stored value, label).</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices(IEnumerable<string> stored, bool entities) =>
        [.. stored.Select(s => (s, entities ? Entity(s) : Action(s))).OrderBy(c => c.Item2, StringComparer.Ordinal)];

    /// <summary>
    /// A line's before/after JSON as a list a person reads: 「対応区分: 措置済」; months in 和暦, moments as
    /// 令和8年1月15日 10:00, people by name. Text that is not a JSON object is shown as one item.
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> Items(string? json, ActorNamesLookup people)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [("内容", Value("", document.RootElement, people))];
            }

            return [.. document.RootElement.EnumerateObject()
                .Where(p => !Hidden.Contains(p.Name))
                .Select(p => (Fields.GetValueOrDefault(p.Name, p.Name), Value(p.Name, p.Value, people)))];
        }
        catch (JsonException)
        {
            return [("内容", json)];
        }
    }

    private static string Value(string name, JsonElement value, ActorNamesLookup people) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(なし)",
        JsonValueKind.True => "はい",
        JsonValueKind.False => "いいえ",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => Text(name, value.GetString()!, people),
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(v => Value(name, v, people))),
        _ => string.Join("、", value.EnumerateObject().Select(p => $"{Fields.GetValueOrDefault(p.Name, p.Name)}: {Value(p.Name, p.Value, people)}")),
    };

    private static string Text(string name, string text, ActorNamesLookup people)
    {
        if (name.EndsWith("By", StringComparison.Ordinal) || name is "RecordedBy" or "By")
        {
            return people(text);
        }

        if (text.Length >= 19 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            return WarekiDate.FormatMoment(moment);
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return WarekiDate.Format(day);
        }

        if (text.Length == 7 && YearMonth.TryParseIso(text, out var month))
        {
            return month.ToWareki();
        }

        return name switch
        {
            "Stage" when Enum.TryParse<ResponseStage>(text, out var stage) => stage.Label(),
            "State" when Enum.TryParse<StatusState>(text, out var state) => Glossary.StateLabel(state),
            "Action" => ResponseLabels.ActionLabel(text),
            _ => text,
        };
    }
}

/// <summary>The name to show for an actor string.</summary>
/// <param name="actor">user:LOGIN, cli:…, system ….</param>
public delegate string ActorNamesLookup(string actor);
