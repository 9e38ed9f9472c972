using Kansa.Findings;

namespace Kansa;

/// <summary>
/// How long each kind of text may be, and which characters no text may hold: defined once here and checked by
/// every use case that stores or searches text, whether it came from a page, the API or the CLI. The limits stay
/// at or below the database columns' own sizes, so PostgreSQL never refuses a value (error 22001), and NUL
/// (which PostgreSQL cannot store, error 22021) is refused by field instead of being stripped silently.
/// </summary>
public static class TextLimits
{
    /// <summary>監査の種類 (包括外部監査): the column holds 100.</summary>
    public const int AuditKind = 100;

    /// <summary>The key of an audit (R5-包括外部監査) as a URL or ?audit= names it: the column holds 200.</summary>
    public const int AuditKey = 200;

    /// <summary>How many departments one finding may name.</summary>
    public const int DepartmentsPerFinding = 50;

    /// <summary>テーマ of an audit.</summary>
    public const int Theme = 1_000;

    /// <summary>監査人: a person's or firm's name.</summary>
    public const int Auditor = 200;

    /// <summary>番号 of a finding (R5-指-3): the column holds 100.</summary>
    public const int FindingNumber = 100;

    /// <summary>報告書頁 (P76~77): the column holds 100.</summary>
    public const int ReportPages = 100;

    /// <summary>件名 of a finding.</summary>
    public const int Title = 1_000;

    /// <summary>抜粋 of a finding, and the content of a response (措置の内容): several pages of prose.</summary>
    public const int Prose = 50_000;

    /// <summary>A department's name (所管課): the column holds 200.</summary>
    public const int DepartmentName = 200;

    /// <summary>A status word (措置済, 検討中): the columns hold 100.</summary>
    public const int StatusWord = 100;

    /// <summary>A comment, reason or note on a workflow step, a due-date move or a correction.</summary>
    public const int Comment = 4_000;

    /// <summary>An evidence file's name: the column holds 255.</summary>
    public const int FileName = 255;

    /// <summary>A search or filter value (操作記録の操作者・操作・対象): the filtered columns hold at most 200.</summary>
    public const int Filter = 200;

    /// <summary>
    /// Checks one text field: not longer than <paramref name="max"/> characters, and no character that cannot be
    /// stored or shown (NUL and other control characters except tab and line breaks, U+FFFE/U+FFFF, lone surrogates).
    /// Null or empty text passes: whether a field is required is the use case's own rule.
    /// </summary>
    /// <param name="field">The field name as the API and forms know it (title).</param>
    /// <param name="label">The Japanese label (件名).</param>
    /// <param name="text">The text as received.</param>
    /// <param name="max">The limit, one of this class's constants.</param>
    /// <returns>The problem naming the field, or null.</returns>
    public static Problem? Check(string field, string label, string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            return new Problem(field, $"{label}: {max:N0}文字以内で入力してください (いまは {text.Length:N0}文字)。");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var pair = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(pair))
                {
                    return Refused(field, label, pair, i);
                }

                i++;
                continue;
            }

            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            // Noncharacters (U+FFFE, U+FDD0…) also make Unicode normalization (NFKC) throw.
            if (char.IsControl(c) || char.IsSurrogate(c) || IsNoncharacter(c))
            {
                return Refused(field, label, c, i);
            }
        }

        return null;
    }

    /// <summary>Whether a lookup value (an audit key, a finding number from a URL) could name anything stored: within its
    /// column's size and free of characters no stored value holds. One that cannot is simply not found.</summary>
    /// <param name="text">The value as received.</param>
    /// <param name="max">The column's limit.</param>
    /// <returns>True when the value may be looked up.</returns>
    public static bool CanLookUp(string? text, int max) => Check("", "", text, max) is null;

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static Problem Refused(string field, string label, int codePoint, int index) =>
        new(field, $"{label}: 使えない文字 (U+{codePoint:X4}) が {index + 1}文字目にあります。取り除いてから入力してください。");

    /// <summary>Checks several fields and collects their problems.</summary>
    /// <param name="checks">(field, label, text, max) for each field.</param>
    /// <returns>The problems, empty when every field is fine.</returns>
    public static List<Problem> CheckAll(params (string Field, string Label, string? Text, int Max)[] checks)
    {
        var problems = new List<Problem>();
        foreach (var (field, label, text, max) in checks)
        {
            if (Check(field, label, text, max) is { } p)
            {
                problems.Add(p);
            }
        }

        return problems;
    }
}
