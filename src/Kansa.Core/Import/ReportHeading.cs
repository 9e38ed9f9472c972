using System.Globalization;
using System.Text.RegularExpressions;
using Kansa.Calendar;

namespace Kansa.Import;

/// <summary>
/// The title line of a status-report page: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在).
/// </summary>
public sealed partial record ReportHeading(int FiscalYear, string Kind, string DocumentKind, YearMonth AsOf)
{
    /// <summary>Whether a line looks like a title (so that a malformed one is reported, not skipped).</summary>
    public static bool LooksLikeTitle(string line)
    {
        var s = YearMonth.Compact(line);
        return !line.Contains('\t', StringComparison.Ordinal) && TitleStart().IsMatch(s);
    }

    /// <summary>Reads a title line; on failure gives a Japanese reason.</summary>
    public static ReportHeading? Parse(string line, out string? error)
    {
        var s = YearMonth.Compact(line);
        var m = TitlePattern().Match(s);
        if (!m.Success)
        {
            error = $"表題「{line.Trim()}」を読めません (例: 令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在))";
            return null;
        }

        if (!TryFiscalYear(m.Groups["fy"].Value, out var fiscalYear, out error))
        {
            return null;
        }

        var asOfText = DayPattern().Replace(m.Groups["asof"].Value, "");
        if (!DocumentMonth.TryParse(asOfText, out var asOf, out var dateError))
        {
            error = $"表題の「〜現在」の年月を読めません: {dateError}";
            return null;
        }

        var document = m.Groups["doc"].Value;
        error = null;
        return new ReportHeading(fiscalYear, m.Groups["kind"].Value, document.Length > 0 ? document : "の結果に対する" + Glossary.StatusReport, asOf);
    }

    private static bool TryFiscalYear(string text, out int year, out string? error)
    {
        year = 0;
        if (ForeignDigits.Find(text) is { } digit)
        {
            error = $"年度「{text}」に半角・全角以外の数字「{digit}」があります (0〜9 で書いてください)";
            return false;
        }

        if (!TryEraOrWesternYear(text, out year, out error))
        {
            return false;
        }

        // The fiscal year's months must all have a 和暦 Kansa can show (明治 begins in 1868-10).
        if (year is < FirstFiscalYear or > LastFiscalYear)
        {
            error = $"年度「{text}」は扱える範囲 ({FirstFiscalYear}〜{LastFiscalYear}年度) の外です";
            return false;
        }

        return true;
    }

    private static bool TryEraOrWesternYear(string text, out int year, out string? error)
    {
        var western = WesternYear().Match(text);
        if (western.Success)
        {
            year = int.Parse(western.Value, CultureInfo.InvariantCulture);
            error = null;
            return true;
        }

        var m = EraYear().Match(text);
        var era = m.Success ? JapaneseEra.Find(m.Groups["era"].Value) : null;
        if (era is null)
        {
            year = 0;
            error = $"年度「{text}」を読めません";
            return false;
        }

        var eraYear = m.Groups["year"].Value == "元" ? 1 : int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return era.TryToYear(eraYear, out year, out error);
    }

    private const int FirstFiscalYear = 1869;

    private const int LastFiscalYear = 2998;

    [GeneratedRegex(@"^(?:令和|平成|昭和|[RHS])?(?:元|\d{1,4})年度.*監査")]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^(?<fy>(?:令和|平成|昭和|[RHS])?(?:元|\d{1,4}))年度(?<kind>.+?監査)(?<doc>.*?)\((?<asof>[^()]*?)現在\)$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex WesternYear();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|[RHS])(?<year>元|\d{1,2})$")]
    private static partial Regex EraYear();

    [GeneratedRegex(@"(?:\d{1,2}日|末)$")]
    private static partial Regex DayPattern();
}
