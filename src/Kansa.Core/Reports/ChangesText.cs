using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kansa.Findings;
using Kansa.Responses;

namespace Kansa.Reports;

/// <summary>The lists of <see cref="AuditChanges"/> as plain Japanese text (<c>kansa diff</c>) and as JSON (<c>--format json</c>).</summary>
public static class ChangesText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The headline: 令和5年度…対応状況: 令和7年1月現在から令和7年8月現在までの変更.</summary>
    public static string Heading(AuditChanges c) =>
        $"{TitleWithoutMonth(c.Title)}: {c.From.ToWareki()}{Glossary.AsOf}から{c.To.ToWareki()}{Glossary.AsOf}までの変更";

    /// <summary>The report's title without its 「(令和○年○月現在)」.</summary>
    public static string TitleWithoutMonth(string title) =>
        title.LastIndexOf('(') is var at and > 0 ? title[..at] : title;

    /// <summary>Plain text, one section per list, each finding on its own lines.</summary>
    public static string Render(AuditChanges c)
    {
        var sb = new StringBuilder();
        sb.Append(Heading(c)).Append('\n');
        Section(sb, Labels.NewlyDone, c.NewlyDone, f => $"{f.FromStatus} → {f.ToStatus}{Published(f)}");
        Section(sb, Labels.NewlyPublished, c.NewlyPublished, f => $"{f.ToStatus}{Published(f)}", withText: true);
        Section(sb, Labels.WordsChanged, c.WordsChanged, f => $"{f.FromStatus} → {f.ToStatus}");
        sb.Append('\n').Append(Labels.Corrected).Append(Count(c.Corrected.Count)).Append('\n');
        if (c.Corrected.Count == 0)
        {
            sb.Append("  なし\n");
        }

        foreach (var x in c.Corrected)
        {
            var day = TimeZoneInfo.ConvertTime(x.CorrectedAt, Calendar.YearMonth.JapanTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            sb.Append("  ").Append(x.Number).Append(x.Title is null ? "" : "  " + x.Title).Append('\n');
            sb.Append("    ").Append(day).Append(" 訂正 理由: ").Append(OneLine(x.Reason)).Append('\n');
            sb.Append("    訂正前: ").Append(OneLine(x.Before)).Append('\n');
            sb.Append("    訂正後: ").Append(OneLine(x.After)).Append('\n');
        }

        Section(sb, Labels.StillOpen, c.StillOpen, f => f.ToStatus);
        return sb.ToString();
    }

    /// <summary>The lists as JSON (months as YYYY-MM).</summary>
    public static string RenderJson(AuditChanges c) => JsonSerializer.Serialize(new
    {
        audit = c.AuditKey,
        title = c.Title,
        from = c.From.ToString(),
        to = c.To.ToString(),
        newlyDone = c.NewlyDone.Select(Finding),
        newlyPublished = c.NewlyPublished.Select(Finding),
        wordsChanged = c.WordsChanged.Select(Finding),
        corrected = c.Corrected.Select(x => new
        {
            number = x.Number,
            title = x.Title,
            published = x.Published?.ToString(),
            before = x.Before,
            after = x.After,
            reason = x.Reason,
            correctedAt = x.CorrectedAt,
        }),
        stillOpen = c.StillOpen.Select(Finding),
    }, Json) + "\n";

    private static object Finding(FindingChange f) => new
    {
        number = f.Number,
        category = f.Category.Label(),
        title = f.Title,
        departments = f.Departments,
        fromStatus = f.FromStatus,
        fromPublished = f.FromPublished?.ToString(),
        toStatus = f.ToStatus,
        toPublished = f.ToPublished?.ToString(),
        response = f.Response,
    };

    private static void Section(StringBuilder sb, string label, IReadOnlyList<FindingChange> list, Func<FindingChange, string> what, bool withText = false)
    {
        sb.Append('\n').Append(label).Append(Count(list.Count)).Append('\n');
        if (list.Count == 0)
        {
            sb.Append("  なし\n");
        }

        foreach (var f in list)
        {
            // Number, category, departments and title, each only when known (R5-指-1 of the seed has neither of the last two).
            string?[] parts = [f.Number, f.Category.Label(), f.Departments.Count > 0 ? string.Join('、', f.Departments) : null, f.Title];
            sb.Append("  ").Append(string.Join("  ", parts.Where(p => !string.IsNullOrEmpty(p)))).Append('\n');
            sb.Append("    ").Append(what(f)).Append('\n');
            if (withText && !string.IsNullOrWhiteSpace(f.Response))
            {
                foreach (var line in f.Response.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    sb.Append("      ").Append(line).Append('\n');
                }
            }
        }
    }

    private static string Count(int n) => $" ({n.ToString(CultureInfo.InvariantCulture)}件)";

    private static string Published(FindingChange f) => f.ToPublished is { } p ? $" (公表年月 {p.ToWareki()})" : "";

    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "(なし)" : string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The names of the lists, shared by the text, the pages and the round preview.</summary>
    public static class Labels
    {
        /// <summary>Findings that became done.</summary>
        public const string NewlyDone = "新たに措置済・対応済になったもの";

        /// <summary>Statuses published in the period.</summary>
        public const string NewlyPublished = "新たに公表されたもの";

        /// <summary>Status words changed.</summary>
        public const string WordsChanged = "対応区分が変わったもの";

        /// <summary>Corrections.</summary>
        public const string Corrected = "訂正された内容 (理由つき)";

        /// <summary>Still open.</summary>
        public const string StillOpen = "まだ措置・対応が済んでいないもの";
    }
}
