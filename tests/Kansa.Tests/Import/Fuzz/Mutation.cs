using System.Text;
using CsCheck;

namespace Kansa.Tests.Import.Fuzz;

/// <summary>
/// One change to a status report, as four numbers so that CsCheck can shrink a failing case to the fewest and
/// smallest changes. <see cref="Apply"/> interprets them: text changes at the lines and cells of the document,
/// then a re-encoding, then byte changes.
/// </summary>
/// <param name="Op">Which change (<see cref="Ops"/>).</param>
/// <param name="A">Picks the line, character or byte.</param>
/// <param name="B">Picks the cell or a second line.</param>
/// <param name="C">Picks the token, position or value.</param>
public sealed record Mutation(int Op, int A, int B, int C)
{
    /// <summary>The number of kinds of change.</summary>
    public const int Ops = 14;

    /// <summary>
    /// What a hostile user, a PDF extractor or an old Windows tool puts in a cell: digits of other scripts, numbers
    /// that overflow, eras before 明治 and months out of range, noncharacters and lone surrogates, NUL, markup, and
    /// the words the parser looks for, out of place.
    /// </summary>
    public static readonly string[] Tokens =
    [
        "٤٥", "۴۵", "४५", "৪৫", "๔๕", "４５", "①", "²", "𝟒𝟓", "P٤٥", "P४५~४६", "P99999999999", "P2147483648~2147483649",
        "99999999999999999999", "2147483647", "2147483648", "-1", "0", "00", "٢٠٢٥", "2025年٨月",
        "天保5年", "天保5年8月", "慶応4年1月", "明治元年1月", "明治1年9月", "M1.1", "M1.9", "M1.10", "T15.12", "S64.1", "H31.5", "R0.1", "R元.5",
        "令和99年13月", "令和٧年٨月", "R٧.٨", "R7.٨", "1800年1月", "0000年1月", "0001-01", "9999年12月", "10000年1月", "平成32年1月",
        "措置済 (天保5年8月)", "措置済 (1800年1月)", "措置済 (R٧.٨)", "対応済 (9999.12)", "措置済 (0.0)", "措置済 (R7.8.1)", "措置済 (令和7年8月31日)",
        "天保5年度", "0年度", "٥年度", "令和٥年度", "9999年度", "明治元年度", "R99年度",
        "\uFFFE", "\uFFFF", "\uFDD0", "\U0010FFFF", "\uD800", "\uDC00", "\uDBFF\uDBFF", "\0", "\u0001", "\u001B[31m", "\f", "\v", "\u0085", "\u2028",
        "\u202E", "\u200B", "\uFEFF", "\uFFFD", "\u3000", "\u00A0",
        "<p>", "</p>", "<p></p>", "<ul style=\"list-style-type: none\">", "・", "<li>", "<script>alert(1)</script>", "&amp;", "&#0;", "&#xD800;", "&#x10FFFF;", "<!--", "<![CDATA[",
        "~", "〜", "～", "-", "ー", "(", ")", "（", "）", "「", "」", "\"", "'", "\\", "%", "{0}", "=HYPERLINK(\"x\")",
        "指摘", "意見", "指摘事項", "意見事項", "合計", "計", "措置済", "未措置", "対応済", "未対応", "措置中", "措置を行わない", "件", "現在", "年度", "テーマ",
        "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)", "令和5年度包括外部監査の結果に対する対応状況(天保5年8月現在)",
        "平成元年度定期監査の結果に対する措置状況(令和7年8月現在)", "1800年度包括外部監査の結果に対する対応状況(1800年1月現在)",
        "テーマ「」", "テーマ", "番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分(公表年月)\t措置(対応)の内容",
        "指摘事項\t\t意見", "措置済\t4\t対応済\t10", "合計\t99999999999\t合計\t2147483647", "合計\t2000000000",
        "\t", "\t\t", "\n", "\r", "\r\n", "----", "R5-指-0", "R5-指-99999999999", "R5-指-٣", "R5-意-2147483647", "Ｒ５－指－３",
        new string('あ', 5000), new string('9', 400), string.Concat(Enumerable.Repeat("<p>", 300)),
    ];

    /// <summary>Digits of other scripts that .NET's <c>\d</c> matches but <c>int.Parse</c> refuses, by value.</summary>
    private static readonly string[] ForeignDigitZeros = ["\u0660", "\u06F0", "\u0966", "\u09E6", "\u0E50", "\u1810", "\uFF10"];

    /// <summary>Generates one change.</summary>
    public static Gen<Mutation> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Ops - 1], CsCheck.Gen.Int[0, 1 << 20], CsCheck.Gen.Int[0, 1 << 10], CsCheck.Gen.Int[0, 1 << 16], (op, a, b, c) => new Mutation(op, a, b, c));

    /// <summary>
    /// Applies the changes to a document. Returns the changed text (which may hold what no encoder writes, such as
    /// lone surrogates) and the bytes of the file a user would give.
    /// </summary>
    public static (string Text, byte[] Bytes) Apply(string document, IReadOnlyList<Mutation> mutations)
    {
        var lines = document.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var encoding = 0;
        var byteChanges = new List<Mutation>();
        foreach (var m in mutations)
        {
            switch (m.Op)
            {
                case 0: EditCell(lines, m, (cell, token, at) => cell.Insert(at, token)); break;
                case 1: EditCell(lines, m, (_, token, _) => token); break;
                case 2: ForeignDigit(lines, m); break;
                case 3: if (lines.Count > 0) { lines.Insert(m.B % lines.Count, lines[m.A % lines.Count]); } break;
                case 4: if (lines.Count > 1) { lines.RemoveAt(m.A % lines.Count); } break;
                case 5: Swap(lines, m.A % Math.Max(1, lines.Count), m.B % Math.Max(1, lines.Count)); break;
                case 6: EditCell(lines, m, (cell, _, at) => cell.Insert(at, "\t")); break;
                case 7: RemoveTab(lines, m); break;
                case 8: NumberRun(lines, m); break;
                case 9: lines.Insert(m.A % (lines.Count + 1), Tokens[m.C % Tokens.Length]); break;
                case 10: Truncate(lines, m); break;
                case 11: encoding = m.C % 6; break;
                default: byteChanges.Add(m); break;
            }
        }

        var text = string.Join('\n', lines);
        var bytes = Encode(text, encoding);
        foreach (var m in byteChanges)
        {
            bytes = ChangeBytes(bytes, m);
        }

        return (text, bytes);
    }

    private static void EditCell(List<string> lines, Mutation m, Func<string, string, int, string> edit)
    {
        if (lines.Count == 0)
        {
            lines.Add("");
        }

        var index = m.A % lines.Count;
        var cells = lines[index].Split('\t');
        var cell = m.B % cells.Length;
        var token = Tokens[m.C % Tokens.Length];
        var at = (m.C >> 8) % (cells[cell].Length + 1);
        cells[cell] = edit(cells[cell], token, at);
        lines[index] = string.Join('\t', cells);
    }

    // Replaces one ASCII digit with the same digit of another script: where \d matched and int.Parse threw.
    private static void ForeignDigit(List<string> lines, Mutation m)
    {
        var text = string.Join('\n', lines);
        var digits = text.Select((c, i) => (c, i)).Where(p => char.IsAsciiDigit(p.c)).Select(p => p.i).ToList();
        if (digits.Count == 0)
        {
            return;
        }

        var at = digits[m.A % digits.Count];
        var zero = ForeignDigitZeros[m.C % ForeignDigitZeros.Length][0];
        var replaced = text[..at] + (char)(zero + (text[at] - '0')) + text[(at + 1)..];
        lines.Clear();
        lines.AddRange(replaced.Split('\n'));
    }

    private static void Swap(List<string> lines, int a, int b)
    {
        if (lines.Count > 1)
        {
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }
    }

    private static void RemoveTab(List<string> lines, Mutation m)
    {
        var index = m.A % Math.Max(1, lines.Count);
        if (lines.Count == 0 || !lines[index].Contains('\t', StringComparison.Ordinal))
        {
            return;
        }

        var tabs = lines[index].Select((c, i) => (c, i)).Where(p => p.c == '\t').Select(p => p.i).ToList();
        lines[index] = lines[index].Remove(tabs[m.B % tabs.Count], 1);
    }

    // Replaces a run of ASCII digits with a value at the edges: 0, a negative, int/long overflow, many digits.
    private static void NumberRun(List<string> lines, Mutation m)
    {
        string[] values = ["0", "00", "-1", "13", "99", "999999999", "2147483647", "2147483648", "9223372036854775808", "99999999999999999999999999", "1868", "1867", "3000", "9999"];
        var text = string.Join('\n', lines);
        var runs = System.Text.RegularExpressions.Regex.Matches(text, "[0-9]+");
        if (runs.Count == 0)
        {
            return;
        }

        var run = runs[m.A % runs.Count];
        var replaced = text[..run.Index] + values[m.C % values.Length] + text[(run.Index + run.Length)..];
        lines.Clear();
        lines.AddRange(replaced.Split('\n'));
    }

    private static void Truncate(List<string> lines, Mutation m)
    {
        var text = string.Join('\n', lines);
        var cut = text[..(m.A % (text.Length + 1))];
        lines.Clear();
        lines.AddRange(cut.Split('\n'));
    }

    private static byte[] Encode(string text, int encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        // Lenient encoders, like the tools users have: what they cannot encode becomes '?' or U+FFFD.
        return encoding switch
        {
            1 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            2 => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            3 => Encoding.GetEncoding(932).GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            4 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            5 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    private static byte[] ChangeBytes(byte[] bytes, Mutation m)
    {
        if (bytes.Length == 0)
        {
            return [(byte)m.C];
        }

        var at = m.A % bytes.Length;
        switch (m.Op)
        {
            case 12:
                var flipped = bytes.ToArray();
                flipped[at] ^= (byte)(1 << (m.B % 8));
                return flipped;
            default:
                return m.B % 2 == 0 ? bytes[..at] : [.. bytes[..at], (byte)m.C, .. bytes[at..]];
        }
    }
}
