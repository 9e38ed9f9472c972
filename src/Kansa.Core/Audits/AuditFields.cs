namespace Kansa.Audits;

/// <summary>What a coordinator enters for an audit.</summary>
/// <param name="Kind">The audit kind as the city writes it (包括外部監査); fixed after creation, since the key and imports rely on it.</param>
/// <param name="FiscalYear">The fiscal year (年度) as a western year; fixed after creation, like the kind.</param>
/// <param name="Theme">The theme, when the audit has one.</param>
/// <param name="Auditor">The auditor's name.</param>
/// <param name="ReportDate">The date the report was submitted.</param>
public sealed record AuditFields(string? Kind, int? FiscalYear, string? Theme, string? Auditor, DateOnly? ReportDate)
{
    /// <summary>The conflict message of audit edits.</summary>
    internal const string Conflict = "この監査はほかの人が先に変更しました。表示された最新の内容を確認してから、もう一度保存してください。";

    /// <summary>The problems of the free-text fields and the report date: limits of <see cref="TextLimits"/>, dates Kansa can show.</summary>
    internal List<Problem> Problems()
    {
        var problems = TextLimits.CheckAll(
            ("kind", "監査の種類", Kind, TextLimits.AuditKind * 4),
            ("theme", "テーマ", Theme, TextLimits.Theme),
            ("auditor", "監査人", Auditor, TextLimits.Auditor));
        if (ReportDate is { } day && Calendar.YearMonth.DateRangeError(day) is { } error)
        {
            problems.Add(new Problem("reportDate", $"報告日: {error}。"));
        }

        return problems;
    }

    /// <summary>Blank text is no text; prose keeps its characters, only the ends are trimmed.</summary>
    internal static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
