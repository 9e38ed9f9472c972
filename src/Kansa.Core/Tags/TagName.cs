using System.Globalization;
using System.Text;

namespace Kansa.Tags;

/// <summary>
/// What a tag may be: one short word. Trimmed and NFKC-folded, so ＤＸ and DX, ﾊﾟｽﾜｰﾄﾞ and パスワード are one tag;
/// letters, digits and the marks that join words (ー・-_) only, so a tag is safe as a path segment (/tags/再委託) and
/// cannot carry markup or spaces.
/// </summary>
public static class TagName
{
    /// <summary>The form field.</summary>
    public const string Field = "name";

    /// <summary>The tag, normalized, or the problem naming the field.</summary>
    public static Outcome<string> Normalize(string? text, string field = Field)
    {
        var problem = TextLimits.Check(field, Glossary.Tag, text, TextLimits.Tag * 4);
        if (problem is not null)
        {
            return Outcome<string>.Invalid([problem]);
        }

        var name = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (name.Length == 0)
        {
            return Outcome<string>.Invalid(field, $"{Glossary.Tag}: 付ける言葉を入力してください (例: 再委託)。");
        }

        if (name.Length > TextLimits.Tag)
        {
            return Outcome<string>.Invalid(field, $"{Glossary.Tag}: {TextLimits.Tag}文字以内の短い言葉にしてください (いまは {name.Length}文字)。");
        }

        foreach (var c in name)
        {
            if (!Allowed(c))
            {
                return Outcome<string>.Invalid(field, $"{Glossary.Tag}: 「{c}」は使えません。文字・数字と「ー・-_」だけの1語にしてください。");
            }
        }

        return Outcome<string>.Ok(name);
    }

    private static bool Allowed(char c) =>
        char.IsLetterOrDigit(c) || c is 'ー' or '・' or '-' or '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
