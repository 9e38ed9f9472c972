namespace Kansa.Reports;

/// <summary>
/// The terms under which the city publishes its open data (設定 <c>Kansa:OpenData:License:Name</c> and <c>…:Url</c>).
/// Written into the JSON export, shown in every page's footer and named in the CSV's documentation (docs/formats.md).
/// </summary>
public sealed class OpenDataLicense
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kansa:OpenData:License";

    /// <summary>
    /// The default: the Digital Agency's 公共データ利用規約 (PDL1.0, 2024), the successor of 政府標準利用規約(第2.0版), written for
    /// local governments as well as ministries and, like its predecessor, compatible with CC BY 4.0.
    /// </summary>
    public static OpenDataLicense Default { get; } = new()
    {
        Name = "公共データ利用規約(第1.0版)(PDL1.0)",
        Url = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
    };

    /// <summary>The licence's name as the city writes it (e.g. 公共データ利用規約(第1.0版)(PDL1.0), CC BY 4.0).</summary>
    public string Name { get; set; } = "";

    /// <summary>Where its text is published (absolute http(s) URL).</summary>
    public string Url { get; set; } = "";

    /// <summary>This licence, or the default when the settings leave the name empty.</summary>
    public OpenDataLicense OrDefault() => string.IsNullOrWhiteSpace(Name) ? Default : this;
}
