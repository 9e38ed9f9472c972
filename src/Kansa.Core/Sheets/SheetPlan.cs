namespace Kansa.Sheets;

/// <summary>What the import will do to one finding.</summary>
/// <param name="FindingId">The finding.</param>
/// <param name="Number">Its number.</param>
/// <param name="Location">Where in the file: DX推進課!H7.</param>
/// <param name="ResponseId">The draft or returned response to edit; null to start a new draft.</param>
/// <param name="ResponseVersion">That response's version as read.</param>
/// <param name="OldWord">The status word before (the draft's, or the published one the sheet showed).</param>
/// <param name="OldContent">The text before.</param>
/// <param name="NewWord">The word chosen in the sheet.</param>
/// <param name="NewContent">The text written in the sheet.</param>
public sealed record SheetChange(
    int FindingId,
    string Number,
    string Location,
    int? ResponseId,
    Guid? ResponseVersion,
    string OldWord,
    string OldContent,
    string NewWord,
    string NewContent)
{
    /// <summary>下書きを作成 or 下書きを更新.</summary>
    public string Action => ResponseId is null ? "下書きを作成" : "下書きを更新";
}

/// <summary>The checked content of a sheet file: the changes to make, and what was left alone.</summary>
/// <param name="AuditKey">The audit the sheets belong to.</param>
/// <param name="ExportedAt">When the sheets were written (from the hidden cell), as text.</param>
/// <param name="Changes">The findings that change, in file order.</param>
/// <param name="Unchanged">How many rows were left as exported (ignored).</param>
/// <param name="Notes">Things worth knowing that are not problems (a worksheet that is not a department sheet, rows changed by others since the export but not in the file).</param>
public sealed record SheetPlan(string AuditKey, string ExportedAt, IReadOnlyList<SheetChange> Changes, int Unchanged, IReadOnlyList<string> Notes);
