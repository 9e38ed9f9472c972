using Kansa.Accounts;
using Kansa.Responses;
using Kansa.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kansa.Sheets;

/// <summary>
/// Reads and checks a department sheet file without changing anything, and says exactly which findings would change
/// and how. Every problem names the worksheet, row and column (「DX推進課!H7: …」); one problem refuses the whole file.
/// A row left as exported is ignored, as is an unchanged row whose finding moved on since the export.
/// </summary>
public sealed class CheckDepartmentSheets(KansaDbContext db)
{
    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public const int MaxProblems = 100;

    /// <summary>The plan, or the problems.</summary>
    /// <param name="user">The person uploading.</param>
    /// <param name="bytes">The file.</param>
    /// <param name="file">Its name, for messages.</param>
    /// <param name="expectedAudit">The audit the person says the file is for (null: the one the sheets name).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<SheetPlan>> RunAsync(StaffUser user, byte[] bytes, string file, string? expectedAudit, CancellationToken ct)
    {
        if (!user.IsCoordinator && !user.Is(Roles.Editor))
        {
            return Outcome<SheetPlan>.Forbidden("所管課シートを取り込めるのは、取りまとめ担当・システム管理者と所管課担当 (editor) です。");
        }

        var read = SheetWorkbookReader.Read(bytes, file);
        if (!read.Succeeded)
        {
            return read.As<SheetPlan>();
        }

        var notes = new List<string>();
        var marked = new List<ReadWorksheet>();
        foreach (var sheet in read.Value)
        {
            if (sheet.Text(SheetLayout.FormatCell) == SheetLayout.Format)
            {
                marked.Add(sheet);
            }
            else if (sheet.Name != SheetWorkbookWriter.ListSheet)
            {
                notes.Add($"シート「{sheet.Name}」は Kansa の所管課シートではないため、読みませんでした。");
            }
        }

        if (marked.Count == 0)
        {
            return Refuse("file", $"{file}: Kansa が書き出した所管課シートがありません (どのシートにも書き出したときの印がありません)。Kansa の「所管課シート」から書き出したファイルを取り込んでください。");
        }

        var keys = marked.Select(s => (Sheet: s.Name, Key: s.Text(SheetLayout.AuditCell))).ToList();
        if (keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return Refuse("file", $"{file}: 1つのファイルに複数の監査のシートがあります ({string.Join("、", keys.Select(k => $"{k.Sheet}!{SheetLayout.AuditCell}「{k.Key}」"))})。監査ごとのファイルに分けて取り込んでください。");
        }

        var (first, key) = keys[0];
        if (!string.IsNullOrWhiteSpace(expectedAudit) && key != expectedAudit.Trim())
        {
            return Refuse($"{first}!{SheetLayout.AuditCell}", $"{first}!{SheetLayout.AuditCell}: このシートは監査「{key}」のものです。監査「{expectedAudit.Trim()}」のシートではないため取り込みません。");
        }

        var audit = TextLimits.CanLookUp(key, TextLimits.AuditKey) ? await db.Audits.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct) : null;
        if (audit is null)
        {
            return Refuse($"{first}!{SheetLayout.AuditCell}", $"{first}!{SheetLayout.AuditCell}: このシートの監査「{key}」は登録されていません。別のシステムや別の監査のシートではありませんか。");
        }

        var data = await SheetSource.LoadAsync(db, audit, ct);
        var exportedAt = marked[0].Text(SheetLayout.ExportedCell);
        var problems = new List<Problem>();
        var changes = new List<SheetChange>();
        var seen = new Dictionary<int, string>();
        var unchanged = 0;
        foreach (var sheet in marked)
        {
            foreach (var r in sheet.Rows(SheetLayout.FirstRow))
            {
                var before = problems.Count;
                var change = CheckRow(user, data, sheet, r, exportedAt, seen, problems, ref unchanged);
                if (change is not null && problems.Count == before)
                {
                    changes.Add(change);
                    seen[change.FindingId] = change.Location;
                }
            }
        }

        if (problems.Count > 0)
        {
            var listed = problems.Take(MaxProblems).ToList();
            if (problems.Count > MaxProblems)
            {
                listed.Add(new Problem("file", $"{file}: ほかに {problems.Count - MaxProblems} 件の問題があります。"));
            }

            return Outcome<SheetPlan>.Invalid(listed);
        }

        return Outcome<SheetPlan>.Ok(new SheetPlan(audit.Key, exportedAt, changes, unchanged, notes));
    }

    private static SheetChange? CheckRow(StaffUser user, SheetSource data, ReadWorksheet sheet, int r, string exportedAt, Dictionary<int, string> seen, List<Problem> problems, ref int unchanged)
    {
        string At(string column) => $"{sheet.Name}!{column}{r}";
        void Add(string column, string message) => problems.Add(new Problem(At(column), $"{At(column)}: {message}"));
        string Cell(string column) => sheet.Text(column + r);

        var idText = Cell(SheetLayout.FindingId);
        var word = Cell(SheetLayout.Status);
        var content = Cell(SheetLayout.Content);
        if (idText.Length == 0)
        {
            if (word.Trim().Length > 0 || content.Trim().Length > 0)
            {
                Add(SheetLayout.Status, "この行は Kansa が書き出した行ではありません (指摘・意見を照合する隠し列が空です)。行を追加せず、書き出した行に入力してください。");
            }

            return null;
        }

        if (!int.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || data.Row(id) is not { } row)
        {
            Add("A", $"この行の指摘・意見 (照合用の ID「{Short(idText)}」) は監査「{data.Audit.Key}」にありません。別の監査のシートから行を貼り付けていませんか。");
            return null;
        }

        foreach (var column in new[] { SheetLayout.Status, SheetLayout.Content })
        {
            if (sheet.Cells.TryGetValue(column + r, out var cell) && cell.IsFormula)
            {
                Add(column, $"{SheetLayout.Header(column)}に数式は使えません。文字で入力してください。");
                return null;
            }
        }

        var changed = SheetRow.HashInput(word, content) != Cell(SheetLayout.InputHash);
        if (Cell(SheetLayout.Version) != row.Token)
        {
            // The same file imported twice: the finding moved on by this very input, so there is nothing left to do.
            var already = row.Word == word.Trim() && row.Content == TextInput.Plain(content);
            if (changed && !already)
            {
                Add(SheetLayout.Status, $"{row.Number} は、このシートを書き出したあと ({Calendar.WarekiDate.FormatMoment(exportedAt)}) に回答または登録内容が変わりました (版が古いシートです)。もう一度シートを書き出し、最新の内容を確かめてから入力してください。");
            }
            else
            {
                unchanged++;
            }

            return null;
        }

        var lockedProblem = false;
        for (var i = 0; i < SheetLayout.Locked.Count; i++)
        {
            var (column, header) = SheetLayout.Locked[i];
            var inFile = Cell(column).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (inFile != row.Locked[i])
            {
                Add(column, $"{header}の欄は変更できません (書き出したときは「{Short(row.Locked[i])}」、ファイルでは「{Short(inFile)}」)。元に戻してから取り込んでください。");
                lockedProblem = true;
            }
        }

        if (lockedProblem)
        {
            return null;
        }

        if (!changed)
        {
            unchanged++;
            return null;
        }

        if (seen.TryGetValue(id, out var other))
        {
            Add(SheetLayout.Status, $"{row.Number} は {other} でも変更されています。1つの指摘・意見は1か所だけで入力してください。");
            return null;
        }

        if (!user.CanDraft(row.DepartmentIds))
        {
            Add(SheetLayout.Status, user.Is(Roles.Editor)
                ? $"{row.Number} は所管課「{row.Locked[3]}」の指摘・意見で、あなたの所管課のものではありません。自課の行だけを入力してください。"
                : $"{row.Number}: 回答の下書きは、この指摘の所管課の担当 (editor) だけが作れます。所管課の担当者に取り込んでもらってください。");
            return null;
        }

        if (!row.Editable)
        {
            Add(SheetLayout.Status, $"{row.Number} の回答は{row.ActiveStage!.Value.Label()}のため変更できません (変更できるのは、回答のない行・下書き・差戻しだけです)。");
            return null;
        }

        var before = problems.Count;
        var chosen = word.Trim();
        if (chosen.Length == 0)
        {
            Add(SheetLayout.Status, "対応区分を一覧から選んでください。");
        }
        else if (TextLimits.Check("status", "対応区分", chosen, TextLimits.StatusWord) is { } bad)
        {
            Add(SheetLayout.Status, bad.Message);
        }
        else if (!row.Words.Contains(Identifiers.Compact(chosen), StringComparer.Ordinal) && !(row.Active is not null && Identifiers.Compact(chosen) == row.Word))
        {
            Add(SheetLayout.Status, $"「{chosen}」は{row.Category.Label()}の対応区分にありません (使える語: {string.Join("、", row.Words)})。");
        }

        var text = TextInput.Plain(content);
        if (text.Length == 0)
        {
            Add(SheetLayout.Content, "措置(対応)の内容を入力してください。");
        }
        else if (TextLimits.Check("content", "措置(対応)の内容", text, TextLimits.Prose) is { } tooLong)
        {
            Add(SheetLayout.Content, tooLong.Message);
        }

        return problems.Count > before
            ? null
            : new SheetChange(id, row.Number, At(SheetLayout.Status), row.Active, row.ActiveVersion, row.Word, row.Content, Identifiers.Compact(chosen), text);
    }

    private static string Short(string text)
    {
        var oneLine = text.Replace('\n', ' ');
        return oneLine.Length > 40 ? oneLine[..40] + "…" : oneLine;
    }

    private static Outcome<SheetPlan> Refuse(string field, string message) => Outcome<SheetPlan>.Invalid(field, message);
}
