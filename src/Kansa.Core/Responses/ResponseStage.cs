namespace Kansa.Responses;

/// <summary>Where a department's response stands in the workflow.</summary>
public enum ResponseStage
{
    /// <summary>Being written by an editor (下書き).</summary>
    Draft,

    /// <summary>Sent to the department's approver (提出済).</summary>
    Submitted,

    /// <summary>Approved by the approver (承認済), waiting for the next publication round.</summary>
    Approved,

    /// <summary>Sent back to the editor with a comment (差戻し).</summary>
    Returned,

    /// <summary>Published in a round (公表済): frozen.</summary>
    Published,

    /// <summary>
    /// Set aside (取下げ): a second unfinished response to the same finding, made by a double submission before the
    /// database enforced one at a time; the ConcurrencyRules migration withdraws such duplicates and keeps their steps.
    /// </summary>
    Withdrawn,
}

/// <summary>Which stages count as work in progress.</summary>
public static class ResponseStages
{
    /// <summary>
    /// The SQL filter of the stages that are not finished: a finding has at most one response in them (下書き, 提出済,
    /// 承認済, 差戻し), enforced by a partial unique index. Quoted identifiers read the same on SQLite and PostgreSQL.
    /// </summary>
    public const string UnfinishedFilter = "\"Stage\" NOT IN ('Published', 'Withdrawn')";

    /// <summary>Whether the response is still being worked on (not published, not withdrawn).</summary>
    public static bool IsUnfinished(this ResponseStage stage) => stage is not (ResponseStage.Published or ResponseStage.Withdrawn);
}
