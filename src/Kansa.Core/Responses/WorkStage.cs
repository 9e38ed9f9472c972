using Kansa.Status;

namespace Kansa.Responses;

/// <summary>
/// Where a finding stands in the staff work, derived from its requests, responses and published status
/// (see <see cref="FindingProgress"/> for the precise rules; the work list page's help text says the same in Japanese).
/// </summary>
public enum WorkStage
{
    /// <summary>未依頼: still to be dealt with, and no open request and no response being worked on.</summary>
    NotRequested,

    /// <summary>依頼中: a request is open and the department has not started a response.</summary>
    Requested,

    /// <summary>下書き: an editor is writing the response.</summary>
    Draft,

    /// <summary>提出済: submitted, waiting for the department's approver.</summary>
    Submitted,

    /// <summary>差戻し: returned by the approver to the editor.</summary>
    Returned,

    /// <summary>承認済: approved, waiting for a publication round.</summary>
    Approved,

    /// <summary>公表済: published as dealt with (done, or will not implement), and nothing open.</summary>
    Published,
}

/// <summary>Labels and codes of <see cref="WorkStage"/>.</summary>
public static class WorkStages
{
    /// <summary>Every stage in workflow order.</summary>
    public static readonly IReadOnlyList<WorkStage> All = Enum.GetValues<WorkStage>();

    /// <summary>The Japanese label: 未依頼, 依頼中, 下書き, 提出済, 差戻し, 承認済, 公表済.</summary>
    public static string Label(this WorkStage stage) => stage switch
    {
        WorkStage.NotRequested => "未依頼",
        WorkStage.Requested => "依頼中",
        WorkStage.Draft => "下書き",
        WorkStage.Submitted => "提出済",
        WorkStage.Returned => "差戻し",
        WorkStage.Approved => "承認済",
        WorkStage.Published => "公表済",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The code used in addresses and the API: not_requested, requested, draft, submitted, returned, approved, published.</summary>
    public static string Code(this WorkStage stage) => stage switch
    {
        WorkStage.NotRequested => "not_requested",
        WorkStage.Requested => "requested",
        WorkStage.Draft => "draft",
        WorkStage.Submitted => "submitted",
        WorkStage.Returned => "returned",
        WorkStage.Approved => "approved",
        WorkStage.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Reads a stage from its code or its Japanese label; null when it is neither.</summary>
    public static WorkStage? Parse(string? text)
    {
        var t = text?.Trim();
        return All.Cast<WorkStage?>().FirstOrDefault(s => s!.Value.Code() == t || s.Value.Label() == t);
    }
}
