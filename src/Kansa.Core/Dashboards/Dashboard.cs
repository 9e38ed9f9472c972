using Kansa.Findings;
using Kansa.Reminders;
using Kansa.Responses;

namespace Kansa.Dashboards;

/// <summary>What a person's staff home page shows; sections they have no part in are empty.</summary>
/// <param name="Notices">Due-soon and overdue requests of their departments (all, for coordinators).</param>
/// <param name="OpenRequests">For editors: their departments' findings waiting for an answer, with due dates.</param>
/// <param name="Returned">For editors: drafts the approver sent back.</param>
/// <param name="WaitingForApproval">For approvers: submitted responses of their departments.</param>
/// <param name="Progress">For coordinators, auditors and viewers: progress by department.</param>
/// <param name="ShowsProgress">Whether the person sees the progress table.</param>
public sealed record Dashboard(
    IReadOnlyList<DueNotice> Notices,
    IReadOnlyList<OpenRequest> OpenRequests,
    IReadOnlyList<ResponseItem> Returned,
    IReadOnlyList<ResponseItem> WaitingForApproval,
    IReadOnlyList<DepartmentProgress> Progress,
    bool ShowsProgress);

/// <summary>A request still waiting for an approved answer.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="FindingNumber">The finding's number.</param>
/// <param name="FindingTitle">Its title.</param>
/// <param name="AuditKey">Its audit.</param>
/// <param name="DueDate">The due date in force.</param>
/// <param name="OriginalDueDate">The first due date (shown when it moved).</param>
/// <param name="Stage">The stage of the latest response to it, if any.</param>
/// <param name="Overdue">Whether the due date has passed.</param>
public sealed record OpenRequest(int RequestId, string FindingNumber, string? FindingTitle, string AuditKey, DateOnly DueDate, DateOnly OriginalDueDate, ResponseStage? Stage, bool Overdue);

/// <summary>A response someone has to act on.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="FindingNumber">The finding's number.</param>
/// <param name="FindingTitle">Its title.</param>
/// <param name="Word">The status word proposed.</param>
/// <param name="At">When it reached this stage.</param>
/// <param name="By">Who moved it there.</param>
/// <param name="Comment">The approver's comment on a return.</param>
public sealed record ResponseItem(int ResponseId, string FindingNumber, string? FindingTitle, string Word, DateTimeOffset At, string By, string? Comment);

/// <summary>Where one department's requests stand.</summary>
/// <param name="Department">The department's name.</param>
/// <param name="Requests">Requests for its findings.</param>
/// <param name="NotStarted">No response yet.</param>
/// <param name="Drafting">Being written or returned.</param>
/// <param name="Submitted">Waiting for the approver.</param>
/// <param name="Answered">Approved or published.</param>
/// <param name="Overdue">Not answered and past the due date.</param>
public sealed record DepartmentProgress(string Department, int Requests, int NotStarted, int Drafting, int Submitted, int Answered, int Overdue);
