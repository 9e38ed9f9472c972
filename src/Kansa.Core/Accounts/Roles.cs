namespace Kansa.Accounts;

/// <summary>The roles of Kansa. Editors and approvers act only for their own departments.</summary>
public static class Roles
{
    /// <summary>System administrator (情報政策課): users, corrections, everything.</summary>
    public const string Admin = "admin";

    /// <summary>Coordinator (行政課・監査委員事務局): registry, requests, rounds, corrections.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Department staff (所管課 担当): drafts and submits responses for their departments.</summary>
    public const string Editor = "editor";

    /// <summary>Department manager (所管課 課長): approves or returns responses of their departments.</summary>
    public const string Approver = "approver";

    /// <summary>Auditor or commissioner: reads everything, comments, reads the change log.</summary>
    public const string Auditor = "auditor";

    /// <summary>Reads staff pages, changes nothing.</summary>
    public const string Viewer = "viewer";

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Editor, Approver, Auditor, Viewer];

    /// <summary>Roles tied to departments.</summary>
    public static readonly IReadOnlyList<string> DepartmentBound = [Editor, Approver];

    /// <summary>Japanese label of a role.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "システム管理者",
        Coordinator => "取りまとめ担当",
        Editor => "所管課担当",
        Approver => "所管課承認者",
        Auditor => "監査人・監査委員",
        Viewer => "閲覧者",
        _ => role,
    };
}
