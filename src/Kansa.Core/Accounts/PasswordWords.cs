namespace Kansa.Accounts;

/// <summary>
/// Settings of the password check (section <c>Kansa:Passwords</c>): words of this city that an attacker tries first,
/// e.g. <c>Kansa:Passwords:CityWords:0 = sagamihara</c>, <c>…:1 = 相模原市</c>.
/// </summary>
public sealed class PasswordWords
{
    /// <summary>The section name.</summary>
    public const string Section = "Kansa:Passwords";

    /// <summary>Words every attacker tries against a Japanese city's audit system, whatever the city.</summary>
    public static readonly IReadOnlyList<string> Product =
        ["kansa", "監査", "audit", "kansa-audit", "監査委員", "shiyakusho", "市役所", "yakusho", "city", "gyosei", "行政課"];

    /// <summary>The city's own words: its name in kanji and romaji, its domain, its ward names.</summary>
    public List<string> CityWords { get; set; } = [];
}
