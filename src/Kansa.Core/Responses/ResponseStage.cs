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
}
