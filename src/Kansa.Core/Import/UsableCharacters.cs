using System.Globalization;
using System.Text;

namespace Kansa.Import;

/// <summary>
/// Characters a status report may not carry: NUL (PostgreSQL refuses it in text), lone surrogates and Unicode
/// noncharacters such as U+FFFE (Unicode normalization refuses them, and they are no text any city writes).
/// </summary>
internal static class UsableCharacters
{
    /// <summary>Whether the text holds none of them.</summary>
    public static bool IsWellFormed(string text) => Find(text) is null;

    /// <summary>A Japanese reason naming the first unusable character of a line, or null when there is none.</summary>
    public static string? Problem(string line) =>
        Find(line) is { } found
            ? $"{found.Column}文字目に取り込めない文字 {found.Name} があります (NUL、非文字、対になっていないサロゲートは使えません。ファイルが壊れていないか確かめてください)"
            : null;

    /// <summary>The text with every unusable character replaced by U+FFFD, so that the rest of it can still be read.</summary>
    public static string Replace(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i += Width(text, i))
        {
            sb.Append(Unusable(text, i) is null ? text.AsSpan(i, Width(text, i)) : "\uFFFD");
        }

        return sb.ToString();
    }

    private static (int Column, string Name)? Find(string text)
    {
        for (var i = 0; i < text.Length; i += Width(text, i))
        {
            if (Unusable(text, i) is { } codePoint)
            {
                return (i + 1, "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>2 for a surrogate pair, else 1.</summary>
    private static int Width(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    /// <summary>The code point (or lone surrogate) at <paramref name="i"/> when it is unusable.</summary>
    private static int? Unusable(string text, int i)
    {
        if (Width(text, i) == 2)
        {
            var scalar = char.ConvertToUtf32(text[i], text[i + 1]);
            return (scalar & 0xFFFE) == 0xFFFE ? scalar : null;
        }

        var c = text[i];
        return c == '\0' || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' || c >= '\uFFFE' ? c : null;
    }
}
