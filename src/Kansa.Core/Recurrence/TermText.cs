using System.Globalization;
using System.Text;

namespace Kansa.Recurrence;

/// <summary>
/// Japanese-aware terms of a text, without a dictionary. Content words in Japanese administrative writing are runs of
/// kanji and katakana (再委託, パスワード, 契約書); hiragana is mostly particles and endings (の, を, について), so it breaks
/// runs, as do punctuation and spaces. A run gives its character bigrams (再委, 委託), which match across different
/// compounds (業務委託 and 再委託 share 委託); Latin letters and digits give whole words (IT, DX, LED). Text is NFKC-folded
/// first, so ＤＸ and DX, ﾊﾟｽﾜｰﾄﾞ and パスワード are the same.
/// </summary>
public static class TermText
{
    /// <summary>The runs of kanji, katakana and Latin letters or digits, folded (NFKC, Latin in lower case).</summary>
    public static IReadOnlyList<string> Runs(string? text)
    {
        var runs = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return runs;
        }

        var folded = Fold(text);
        var current = new StringBuilder();
        var kind = Kind.Other;
        foreach (var c in folded)
        {
            var k = KindOf(c);
            if (k != kind || k == Kind.Other)
            {
                Flush();
                kind = k;
            }

            if (k != Kind.Other)
            {
                current.Append(c);
            }
        }

        Flush();
        return runs;

        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>The terms of a text: bigrams of kanji/katakana runs (a one-character run as itself is too common to count) and Latin words.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        foreach (var run in Runs(text))
        {
            if (IsLatin(run[0]))
            {
                // Words of two letters or more (IT, DX, LED); numbers alone (years, page numbers) say nothing of a theme.
                if (run.Length >= 2 && run.Any(char.IsAsciiLetter))
                {
                    yield return run;
                }

                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                yield return run.Substring(i, 2);
            }
        }
    }

    /// <summary>NFKC with Latin letters in lower case; text that cannot be normalized is used as it is.</summary>
    public static string Fold(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return text.ToLowerInvariant();
        }
    }

    private enum Kind
    {
        Other,
        Japanese,
        Latin,
    }

    private static Kind KindOf(char c)
    {
        if (IsLatin(c))
        {
            return Kind.Latin;
        }

        // Kanji (and 々), katakana and the long-vowel mark: the letters of content words.
        var ideograph = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is >= '\u4E00' and <= '\u9FFF' or '々' or '〆';
        var katakana = c is >= '\u30A1' and <= '\u30FA' or 'ー';
        return ideograph || katakana ? Kind.Japanese : Kind.Other;
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);
}
