using System.Globalization;

namespace Kansa.Reports;

/// <summary>
/// Sheet names a spreadsheet accepts: at most 31 characters, none of <c>[ ] : * ? / \</c>, no apostrophe at either
/// end, not empty, and unique regardless of case. Forbidden characters become their full-width forms, which read the
/// same to a Japanese reader (R5/包括 becomes R5／包括).
/// </summary>
public static class SheetNames
{
    /// <summary>The longest sheet name Excel opens.</summary>
    public const int MaxLength = 31;

    /// <summary>Valid, unique names for the keys, in order.</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> keys)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var key in keys)
        {
            var name = Valid(key);
            for (var n = 2; !taken.Add(name); n++)
            {
                var suffix = $"({n.ToString(CultureInfo.InvariantCulture)})";
                name = Cut(Valid(key), MaxLength - suffix.Length) + suffix;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>One key made valid, without regard to the other names.</summary>
    public static string Valid(string key)
    {
        var chars = key.Select(c => c switch
        {
            '[' => '［',
            ']' => '］',
            ':' => '：',
            '*' => '＊',
            '?' => '？',
            '/' => '／',
            '\\' => '＼',
            _ when char.IsControl(c) => ' ',
            _ => c,
        }).ToArray();
        var name = Cut(new string(chars).Trim().Trim('\''), MaxLength).Trim('\'');

        // "History" is reserved by Excel for its change tracking.
        return name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase) ? "監査" : name;
    }

    // Never splits a surrogate pair: half a character would make the workbook unreadable.
    private static string Cut(string s, int max) =>
        s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];
}
