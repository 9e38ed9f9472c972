namespace Kansa.Departments;

/// <summary>Rules shared by the department use cases.</summary>
internal static class DepartmentRules
{
    /// <summary>The conflict message of every department edit.</summary>
    public const string Conflict = "この所管課はほかの人が先に変更しました。最新の内容を確認してから、もう一度操作してください。";

    /// <summary>Why a month cannot start a rename or merge (outside the months Kansa can show); null when it can.</summary>
    public static string? CheckFrom(Calendar.YearMonth from) =>
        from.IsInRange ? null : $"変更月: {from} は扱える範囲 ({Calendar.YearMonth.RangeText}) の外です。";

    /// <summary>Why a name cannot be given to a department (<paramref name="self"/>, null for a new one); null when it can.</summary>
    public static string? CheckNewName(DepartmentHistory history, string normalized, int? self)
    {
        if (normalized.Length == 0)
        {
            return "名称: 所管課の名称を入力してください。";
        }

        if (TextLimits.Check("name", "名称", normalized, TextLimits.DepartmentName) is { } problem)
        {
            return problem.Message;
        }

        // A name (current or past) means one department only: documents of any year must find it unambiguously.
        var holder = history.FindByName(normalized);
        return holder is not null && holder.Id != self
            ? $"名称: 「{normalized}」はすでに所管課「{holder.Name}」の名称{(holder.Name == normalized ? "" : "(以前の名称)")}です。"
            : null;
    }
}
