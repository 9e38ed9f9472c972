namespace Kansa.Status;

/// <summary>The canonical states onto which every city's own status words map.</summary>
public enum StatusState
{
    /// <summary>Nothing done yet (未措置, 未対応).</summary>
    Open,

    /// <summary>Work under way (措置中, 検討中).</summary>
    InProgress,

    /// <summary>Dealt with (措置済, 対応済).</summary>
    Done,

    /// <summary>The city decided not to act (措置を行わない).</summary>
    WillNotImplement,
}

/// <summary>The data-file names of <see cref="StatusState"/>.</summary>
public static class StatusStates
{
    /// <summary>All states in report order.</summary>
    public static readonly IReadOnlyList<StatusState> All =
        [StatusState.Done, StatusState.InProgress, StatusState.WillNotImplement, StatusState.Open];

    /// <summary>open, in_progress, done, will_not_implement.</summary>
    public static string Code(this StatusState state) => state switch
    {
        StatusState.Open => "open",
        StatusState.InProgress => "in_progress",
        StatusState.Done => "done",
        StatusState.WillNotImplement => "will_not_implement",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Reads a state code.</summary>
    public static StatusState? FromCode(string? code) => All.Cast<StatusState?>().FirstOrDefault(s => s!.Value.Code() == code);
}
