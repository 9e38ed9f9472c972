using Kansa.Departments;

namespace Kansa.Findings;

/// <summary>The registry fields of a finding a coordinator enters: title, excerpt, report pages and departments (by name).</summary>
/// <param name="Title">The finding's title.</param>
/// <param name="Excerpt">The excerpt as plain text (paragraphs separated by a blank line, list items as ・ lines).</param>
/// <param name="ReportPages">Pages of the audit report: P45, P76~77.</param>
/// <param name="Departments">Names of the responsible departments, in order (current or past names).</param>
public sealed record FindingFields(string? Title, string? Excerpt, string? ReportPages, IReadOnlyList<string>? Departments)
{
    /// <summary>The conflict message of finding edits.</summary>
    internal const string Conflict = "この指摘・意見はほかの人が先に変更しました。表示された最新の内容を確認してから、もう一度保存してください。";

    /// <summary>Checks the fields and, when they are all right, writes them onto the finding.</summary>
    internal List<Problem> ApplyTo(Finding finding, DepartmentHistory history)
    {
        var problems = TextLimits.CheckAll(
            ("title", "件名", Title, TextLimits.Title),
            ("excerpt", "抜粋", Excerpt, TextLimits.Prose),
            ("reportPages", "報告書頁", ReportPages, TextLimits.ReportPages));
        if (Departments is { Count: > TextLimits.DepartmentsPerFinding })
        {
            problems.Add(new Problem("departments", $"所管課: 1つの指摘・意見に指定できる所管課は{TextLimits.DepartmentsPerFinding}までです。"));
        }

        foreach (var name in Departments ?? [])
        {
            if (TextLimits.Check("departments", "所管課", name, TextLimits.DepartmentName) is { } refused)
            {
                problems.Add(refused);
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var title = Text(Title);
        if (title is null)
        {
            problems.Add(new Problem("title", "件名: 指摘・意見の件名を入力してください。"));
        }

        var pages = Findings.ReportPages.Parse(ReportPages);
        if (pages is not null && pages.From is null)
        {
            problems.Add(new Problem("reportPages", "報告書頁: P45 や P76~77 のように入力してください。"));
        }

        var departments = new List<Department>();
        foreach (var name in (Departments ?? []).Select(Identifiers.Normalize).Where(n => n.Length > 0).Distinct())
        {
            var department = history.FindByName(name);
            if (department is null)
            {
                problems.Add(new Problem("departments", $"所管課: 「{name}」は登録されていません。先に所管課の一覧で登録してください。"));
            }
            else if (department.MergedIntoId is { } into)
            {
                problems.Add(new Problem("departments", $"所管課: 「{name}」は「{history.Departments[into].Name}」に統合されています。統合先を指定してください。"));
            }
            else if (!departments.Exists(d => d.Id == department.Id))
            {
                departments.Add(department);
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        finding.Title = title;
        finding.Excerpt = Excerpt is null ? null : Text(Excerpt.ReplaceLineEndings("\n"));
        finding.ReportPages = pages?.Text;
        finding.PageFrom = pages?.From;
        finding.PageTo = pages?.To;

        // Keep the links that stay (their keys must not be deleted and re-added), drop the others, add the new ones.
        // A link to a department merged into a named one stays as it is: reports before the merge keep the old name.
        int? Wanted(FindingDepartment fd)
        {
            var index = departments.FindIndex(d => d.Id == fd.DepartmentId);
            return index >= 0 ? index : departments.FindIndex(d => d.Id == history.SurvivorAt(fd.DepartmentId, null)) is var i and >= 0 ? i : null;
        }

        finding.Departments.RemoveAll(fd => Wanted(fd) is null);
        foreach (var link in finding.Departments)
        {
            link.Position = Wanted(link)!.Value;
        }

        for (var i = 0; i < departments.Count; i++)
        {
            if (!finding.Departments.Exists(fd => Wanted(fd) == i))
            {
                finding.Departments.Add(new FindingDepartment { DepartmentId = departments[i].Id, Position = i });
            }
        }

        return problems;
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
