using System.Text.Json.Nodes;

namespace Kansa.Api;

/// <summary>Examples of the public routes' answers in the OpenAPI document, taken from the Sagamihara seed.</summary>
public static class ApiExamples
{
    /// <summary>The example answer of an operation, or null.</summary>
    public static JsonNode? For(string? operationId) => operationId switch
    {
        "Search" => JsonNode.Parse("""
            {"terms":["再委託"],"total":1,"page":1,"pageSize":20,"pages":1,"hits":[{"audit":"R5-包括外部監査","auditKind":"包括外部監査","fiscalYear":2023,
            "number":"R5-意-15","category":"意見","title":"再委託の確認及び監督の強化について","departments":["財政課"],"status":"対応済","state":"done",
            "published":"2025-08","titleHtml":"<mark>再委託</mark>の確認及び監督の強化について","snippetHtml":"…業務委託」において、<mark>再委託</mark>の…",
            "snippet":"…業務委託」において、再委託の…","titleMatch":true,"url":"/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB/findings/R5-%E6%84%8F-15"}]}
            """),
        "ListAudits" => JsonNode.Parse("""
            {"total":1,"page":1,"pageSize":50,"pages":1,"audits":[{"key":"R5-包括外部監査","title":"令和5年度包括外部監査対応状況(令和7年8月現在)","kind":"包括外部監査","fiscalYearLabel":"令和5年度",
            "theme":"DX戦略を踏まえた情報システムの財務事務の執行及び情報セキュリティ等の管理体制について","asOf":"2025-08","total":39,"done":14,"inProgress":20,
            "willNotImplement":0,"open":5,"progress":[{"category":"指摘","doneWord":"措置済","done":4,"total":7},{"category":"意見","doneWord":"対応済","done":10,"total":29}]}]}
            """),
        "GetAudit" => JsonNode.Parse("""
            {"key":"R5-包括外部監査","title":"令和5年度包括外部監査対応状況(令和7年8月現在)","kind":"包括外部監査","fiscalYear":2023,"fiscalYearLabel":"令和5年度",
            "theme":null,"auditor":null,"reportDate":null,"documentKind":"対応状況","asOf":"2025-08",
            "summary":[{"category":"指摘","status":"措置済","state":"done","count":4},{"category":"指摘","status":"措置中","state":"in_progress","count":3}],
            "progress":[{"category":"指摘","doneWord":"措置済","done":4,"total":7}],"findings":36,"months":["2025-08"]}
            """),
        "ListAuditFindings" => JsonNode.Parse("""
            {"audit":"R5-包括外部監査","asOf":"2025-08","total":36,"page":1,"pageSize":50,"pages":1,"findings":[{"audit":"R5-包括外部監査","number":"R5-指-7",
            "category":"指摘","sequence":7,"reportPages":"P160","title":"パスワードの変更について","departments":["政策調査課"],"status":"措置済","state":"done",
            "published":"2025-08","response":"パスワードを変更した。"}]}
            """),
        "GetFinding" => JsonNode.Parse("""
            {"audit":"R5-包括外部監査","auditKind":"包括外部監査","fiscalYear":2023,"number":"R5-指-7","category":"指摘","sequence":7,"reportPages":"P160",
            "pageFrom":160,"pageTo":160,"departments":["政策調査課"],"title":"パスワードの変更について","excerpt":"議会ホームページの管理は…",
            "version":"3f2b8c1e-0000-0000-0000-000000000000","status":"措置済","state":"done","published":"2025-08","response":"パスワードを変更した。",
            "history":[{"status":"措置済","state":"done","published":"2025-08","asOf":"2025-08","response":"パスワードを変更した。","source":"000_cdb7295acd5f6884.txt",
            "responseId":null,"correction":false,"correctionReason":null,"recordedBy":null,"recordedAt":"2026-12-01T00:00:00+00:00"}],"tags":["パスワード"]}
            """),
        _ => null,
    };
}
