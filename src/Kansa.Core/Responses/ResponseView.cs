using Kansa.Status;

namespace Kansa.Responses;

/// <summary>A response as pages and the API show it, with every step.</summary>
/// <param name="Id">Its id.</param>
/// <param name="AuditKey">The audit of the finding.</param>
/// <param name="Number">The finding's number.</param>
/// <param name="Stage">Where it stands.</param>
/// <param name="Status">The status word.</param>
/// <param name="State">The state the word means.</param>
/// <param name="Content">The current text.</param>
/// <param name="Version">The version to send back with an edit.</param>
/// <param name="RoundId">The round that published it.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="Steps">Every step, oldest first.</param>
public sealed record ResponseView(
    int Id,
    string AuditKey,
    string Number,
    ResponseStage Stage,
    string Status,
    StatusState State,
    string Content,
    Guid Version,
    int? RoundId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ResponseStepView> Steps)
{
    /// <summary>The view of a loaded response and its finding.</summary>
    public static ResponseView From(Response r, Findings.Finding finding) => new(
        r.Id, finding.Audit!.Key, finding.Number, r.Stage, r.Word, r.State, r.Content, r.Version, r.RoundId, r.CreatedBy, r.CreatedAt,
        [.. r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new ResponseStepView(s.Action, s.By, s.At, s.Comment, s.Word, s.Content))]);
}

/// <summary>One step of a response.</summary>
/// <param name="Action">drafted, edited, submitted, approved, returned, published, corrected.</param>
/// <param name="By">Who (user:LOGIN).</param>
/// <param name="At">When.</param>
/// <param name="Comment">A return's comment or a correction's reason.</param>
/// <param name="Word">The status word at this step.</param>
/// <param name="Content">The text at this step.</param>
public sealed record ResponseStepView(string Action, string By, DateTimeOffset At, string? Comment, string? Word, string? Content);

/// <summary>Names of the workflow in Japanese and in data.</summary>
public static class ResponseLabels
{
    /// <summary>draft, submitted, approved, returned, published.</summary>
    public static string Code(this ResponseStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>下書き, 提出済 ….</summary>
    public static string Label(this ResponseStage stage) => stage switch
    {
        ResponseStage.Draft => "下書き",
        ResponseStage.Submitted => "提出済 (承認待ち)",
        ResponseStage.Approved => "承認済 (公表待ち)",
        ResponseStage.Returned => "差戻し",
        ResponseStage.Published => "公表済",
        ResponseStage.Withdrawn => "取下げ",
        _ => stage.ToString(),
    };

    /// <summary>The Japanese name of a step's action.</summary>
    public static string ActionLabel(string action) => action switch
    {
        ResponseActions.Drafted => "下書き作成",
        ResponseActions.Edited => "編集",
        ResponseActions.Submitted => "提出",
        ResponseActions.Approved => "承認",
        ResponseActions.Returned => "差戻し",
        ResponseActions.Published => "公表",
        ResponseActions.Withdrawn => "取下げ",
        ResponseActions.Corrected => "訂正",
        _ => action,
    };
}

/// <summary>The actions a <see cref="ResponseStep"/> records.</summary>
public static class ResponseActions
{
    /// <summary>An editor started the response.</summary>
    public const string Drafted = "drafted";

    /// <summary>An editor changed the text or word.</summary>
    public const string Edited = "edited";

    /// <summary>Sent for approval.</summary>
    public const string Submitted = "submitted";

    /// <summary>Approved.</summary>
    public const string Approved = "approved";

    /// <summary>Returned with a comment.</summary>
    public const string Returned = "returned";

    /// <summary>Published in a round.</summary>
    public const string Published = "published";

    /// <summary>Set aside as a duplicate of the finding's other unfinished response (by the ConcurrencyRules migration).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Published text corrected by an admin or coordinator.</summary>
    public const string Corrected = "corrected";
}
