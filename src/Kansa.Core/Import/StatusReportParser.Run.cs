using System.Text.RegularExpressions;
using Kansa.Audits;
using Kansa.Calendar;
using Kansa.Findings;
using Kansa.Status;

namespace Kansa.Import;

// The line-by-line state machine of one parse, kept apart from the parser's entry points to keep each file short.
public sealed partial class StatusReportParser
{
    private sealed class Run(StatusReportParser parser, string source, Func<int, string>? lineName)
    {
        private readonly List<ImportProblem> problems = [];
        private readonly List<AuditBuilder> audits = [];
        private State state = State.Start;
        private ReportHeading? heading;
        private int headingLine;
        private int? firstTitleLine;
        private string? theme;
        private ReportColumns? columns;
        private AuditBuilder? current;
        private AuditBuilder? previous;

        private StatusVocabulary Vocabulary => parser.Vocabulary;

        public void ReadAll(string[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                ReadLine(lines[i], i + 1);
            }
        }

        public (ParsedReport?, IReadOnlyList<ImportProblem>) Finish()
        {
            // Rows that could not be read are missing from the list: comparing the summary table with it would
            // blame the table for problems already reported.
            var rowsComplete = problems.Count == 0;
            var parsed = audits.Select(a => Complete(a, rowsComplete)).ToList();
            if (audits.Count == 0 && problems.Count == 0)
            {
                Problem(firstTitleLine ?? 1, firstTitleLine is null
                    ? "監査の表題行 (例: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)) が見つかりません"
                    : "表題行の後に見出し行 (番号、報告書頁、区分 …) がありません");
            }

            return problems.Count > 0 ? (null, problems) : (new ParsedReport(source, parsed), problems);
        }

        private void Problem(int line, string message) => Problem(line, null, message);

        private void Problem(int line, int? column, string message) => problems.Add(new ImportProblem(source, line, message) { Column = column });

        private string At(int line) => lineName?.Invoke(line) ?? $"{line}行目";

        private void ReadLine(string raw, int line)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return;
            }

            if (UsableCharacters.Problem(raw) is { } unusable)
            {
                // Reported once; the rest of the line is still read (with U+FFFD in place) so its other problems show too.
                Problem(line, unusable);
                raw = UsableCharacters.Replace(raw);
            }

            var cells = raw.Split('\t');
            var compact = Identifiers.Compact(raw);
            if (ReportHeading.LooksLikeTitle(raw))
            {
                ReadTitle(raw, line);
            }
            else if (!raw.Contains('\t', StringComparison.Ordinal) && compact.StartsWith(Glossary.Theme, StringComparison.Ordinal))
            {
                theme = ThemeOf(raw);
            }
            else if (IsPageFooter(compact))
            {
                // Page numbers left by PDF extraction carry nothing.
            }
            else if (ReportColumns.IsHeader(cells))
            {
                ReadHeader(cells, line);
            }
            else if (state == State.Skipping)
            {
                // The block's title or header was already reported; its rows would only repeat the problem.
            }
            else if (IsDashRow(cells) && state == State.Rows)
            {
                // The empty table before the summary.
            }
            else if (SummaryTable.TryHeader(cells, line) is { } table && heading is not null)
            {
                current ??= Resolve();
                if (current.Summary is not null)
                {
                    Problem(line, $"集計表が2つあります ({At(current.Summary.HeaderLine)}にもあります)");
                }

                current.Summary = table;
                state = State.Summary;
            }
            else if (state == State.Rows)
            {
                ReadRow(cells, line);
            }
            else if (state == State.Summary)
            {
                var kind = current!.Heading.Kind;
                current.Summary!.ReadRow(cells, line, (w, c) => Vocabulary.Find(w, c, kind), Problem);
            }
            else
            {
                Problem(line, state == State.Start
                    ? "表題行 (〜の結果に対する対応状況(〜現在)) より前に内容があります"
                    : "見出し行 (番号、報告書頁、区分 …) の前にデータがあります");
                state = State.Skipping;
            }
        }

        private void ReadTitle(string raw, int line)
        {
            heading = ReportHeading.Parse(raw, out var error);
            headingLine = line;
            firstTitleLine ??= line;
            theme = null;
            current = null;
            if (heading is null)
            {
                Problem(line, error!);
                state = State.Skipping;
            }
            else
            {
                state = State.Page;
            }
        }

        private void ReadHeader(string[] cells, int line)
        {
            if (heading is null)
            {
                if (state != State.Skipping)
                {
                    Problem(line, "表題行 (〜の結果に対する対応状況(〜現在)) がないまま見出し行があります");
                }

                state = State.Skipping;
                return;
            }

            columns = ReportColumns.Read(cells, out var error);
            if (columns is null)
            {
                Problem(line, error!);
                state = State.Skipping;
                return;
            }

            current = Resolve();
            state = State.Rows;
        }

        private AuditBuilder Resolve()
        {
            var h = heading!;
            var sameAudit = audits.Where(a => a.Heading.FiscalYear == h.FiscalYear && a.Heading.Kind == h.Kind).ToList();
            var found = theme is null ? Themeless(sameAudit) : sameAudit.FirstOrDefault(a => a.Theme == theme) ?? AdoptTheme(sameAudit, theme);
            if (found is null)
            {
                found = new AuditBuilder(headingLine, h, theme);
                audits.Add(found);
            }
            else if (found.Heading.AsOf != h.AsOf)
            {
                Problem(headingLine, $"同じ監査の表題で「〜現在」が {found.Heading.AsOf.ToWareki()} ({At(found.Line)}) と {h.AsOf.ToWareki()} で異なります");
            }

            previous = found;
            return found;
        }

        // A page whose theme line was lost continues the audit of the page before it (PDF pages repeat the
        // title), else belongs to the one audit of that year and kind.
        private AuditBuilder? Themeless(List<AuditBuilder> sameAudit) =>
            previous is not null && sameAudit.Contains(previous) ? previous
            : sameAudit.Count == 1 ? sameAudit[0]
            : sameAudit.FirstOrDefault(a => a.Theme is null);

        // When the first page lost its theme line, the theme read on a later page of the same audit is its theme.
        private static AuditBuilder? AdoptTheme(List<AuditBuilder> sameAudit, string theme)
        {
            var themeless = sameAudit.Where(a => a.Theme is null).ToList();
            if (themeless.Count != 1)
            {
                return null;
            }

            themeless[0].Theme = theme;
            return themeless[0];
        }

        private void ReadRow(string[] cells, int line)
        {
            var audit = current!;
            var cols = columns!;
            var before = problems.Count;
            var filled = cells.Length;
            while (filled > cols.Count && string.IsNullOrWhiteSpace(cells[filled - 1]))
            {
                filled--;
            }

            if (filled < cols.Count)
            {
                Problem(line, $"列が足りません: 見出しは {cols.Count} 列ですが、この行は {filled} 列です (区切りはタブ)");
                return;
            }

            if (filled > cols.Count)
            {
                Problem(line, $"列が多すぎます: 見出しは {cols.Count} 列ですが、この行は {filled} 列です");
                return;
            }

            var numberCell = cols.Cell(cells, ReportColumn.Number);
            var number = FindingNumber.Parse(numberCell);
            var category = FindingCategories.Parse(cols.Cell(cells, ReportColumn.Category));
            if (number is null)
            {
                Problem(line, cols.Position(ReportColumn.Number), $"番号「{numberCell?.Trim()}」を読めません: 末尾に連番が必要です (例: R5-指-3)");
            }

            if (category is null)
            {
                Problem(line, cols.Position(ReportColumn.Category), $"区分「{cols.Cell(cells, ReportColumn.Category)?.Trim()}」は「指摘」でも「意見」でもありません");
            }

            if (number?.Category is { } named && category is { } given && named != given)
            {
                Problem(line, cols.Position(ReportColumn.Category), $"番号「{number.Text}」は{named.Label()}の番号ですが、区分は「{given.Label()}」です");
            }

            if (number is not null)
            {
                if (audit.NumberLines.TryGetValue(number.Text, out var first))
                {
                    Problem(line, cols.Position(ReportColumn.Number), $"番号「{number.Text}」が重複しています ({At(first)}と同じ番号です)");
                }
                else
                {
                    audit.NumberLines[number.Text] = line;
                }
            }

            var blocks = HtmlCell.ToBlocks(cols.Cell(cells, ReportColumn.Content));
            if (blocks.Count == 0)
            {
                Problem(line, cols.Position(ReportColumn.Content), "内容(報告書より抜粋)が空です: 先頭の段落が件名になります");
            }

            if (!PagesCell.TryParse(cols.Cell(cells, ReportColumn.Pages), out var pages, out var pagesError))
            {
                Problem(line, cols.Position(ReportColumn.Pages), pagesError!);
            }

            var status = ReadStatus(cols.Cell(cells, ReportColumn.Status) ?? "", category, audit.Heading, line, cols.Position(ReportColumn.Status));
            if (problems.Count > before || number is null || category is null || status is null)
            {
                return;
            }

            audit.Rows.Add(new ParsedRow(
                line,
                number,
                category.Value,
                pages,
                SplitDepartments(cols.Cell(cells, ReportColumn.Department)),
                blocks[0],
                blocks.Count > 1 ? string.Join("\n\n", blocks.Skip(1)) : null,
                status.Value.Word,
                status.Value.State,
                status.Value.Published,
                HtmlCell.ToPlainText(cols.Cell(cells, ReportColumn.Response))));
        }

        private (string Word, StatusState State, YearMonth? Published)? ReadStatus(string cell, FindingCategory? category, ReportHeading h, int line, int? column)
        {
            if (!StatusCell.TryParse(cell, out var word, out var published, out var error))
            {
                Problem(line, column, error!);
                return null;
            }

            if (published is { } p && p > h.AsOf)
            {
                Problem(line, column, $"公表年月 {p.ToWareki()} が表題の {h.AsOf.ToWareki()}現在 より後です");
                return null;
            }

            if (published is { } q && q < new YearMonth(h.FiscalYear, 4))
            {
                Problem(line, column, $"公表年月 {q.ToWareki()} が監査の年度 ({FiscalYears.Label(h.FiscalYear)}) より前です");
                return null;
            }

            if (category is not { } c)
            {
                return null;
            }

            if (word.Length == 0)
            {
                // Cities that list only what was dealt with often write no status word at all.
                return (Vocabulary.CanonicalWord(c, StatusState.Done, h.Kind), StatusState.Done, published);
            }

            if (Vocabulary.Find(word, c, h.Kind) is not { } term)
            {
                Problem(line, column, $"対応区分「{word}」は登録されていない語です (使える語: {string.Join("、", Vocabulary.WordsFor(c))})");
                return null;
            }

            return (word, term.State, published);
        }

        private ParsedAudit Complete(AuditBuilder a, bool rowsComplete)
        {
            var h = a.Heading;
            var inferred = a.Summary is null
                ? []
                : SummaryCheck.Run(
                    a.Summary,
                    a.Rows,
                    rowsComplete,
                    c => Vocabulary.CanonicalWord(c, StatusState.Open, h.Kind),
                    c => DefaultPrefix(a, c),
                    Problem);
            return new ParsedAudit(a.Line, h.FiscalYear, h.Kind, h.DocumentKind, a.Theme, h.AsOf, a.Rows, inferred);
        }

        private static string DefaultPrefix(AuditBuilder a, FindingCategory category)
        {
            var other = a.Rows.FirstOrDefault(r => r.Category != category && r.Number.Category is not null);
            return other is not null
                ? FindingNumber.SwapCategory(other.Number.Prefix, category)
                : $"{FiscalYears.ShortLabel(a.Heading.FiscalYear)}-{category.Letter()}-";
        }
    }
}
