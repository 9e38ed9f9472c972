using System.Text;
using Kansa.Calendar;
using Kansa.Import;
using Kansa.OpenData;
using Kansa.Responses;
using Kansa.Status;
using Kansa.Tests.Support;
using static Kansa.Tests.Import.Parsing;

namespace Kansa.Tests.Import;

/// <summary>
/// The variants real documents bring (PRODUCT.md §3, docs/formats.md §1.5): each is read to the same data.
/// </summary>
public class ParserToleranceTests
{
    private const string Response = "<p>対応しました。</p>";

    [Theory]
    [InlineData("番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分 (公表年月)\t措置(対応)の内容")]
    [InlineData("番号\t報告書頁\t区分\t所管課\t内容（報告書より抜粋）\t対応区分（公表年月）\t措置（対応）の内容")]
    [InlineData(" 番 号 \t報告書 頁\t 区分\t所管課 \t内容 (報告書より抜粋)\t対応区分　　(公表年月) \t措置 (対応) の内容 ")]
    [InlineData("番号\t報告書頁\t区分\t所管課\t内容(報告書より抜粋)\t対応区分(公表年月)\t措置(対応)の内容\t\t")]
    public void Header_spellings_are_all_read(string header)
    {
        var text = ReportText.Document([ReportText.Row("R5-指-3", "指摘", "措置済 (R7.8)", pages: "P45", department: "DX推進課")], null, header: header);

        var row = SingleRow(text);

        Assert.Equal("R5-指-3", row.Number.Text);
        Assert.Equal(FindingCategory.Finding, row.Category);
        Assert.Equal("P45", row.Pages!.Text);
        Assert.Equal(["DX推進課"], row.Departments);
        Assert.Equal("件名", row.Title);
        Assert.Equal(("措置済", StatusState.Done, new YearMonth(2025, 8)), (row.Word, row.State, row.Published));
        Assert.Equal("対応しました。", row.Response);
    }

    [Fact]
    public void Empty_cells_after_the_last_column_are_not_extra_columns()
    {
        var row = SingleRow(ReportText.Document([ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", response: "") + "\t \t"], null));

        Assert.Equal(("R5-指-1", (string?)null), (row.Number.Text, row.Response));
    }

    [Fact]
    public void Columns_are_found_by_their_names_not_their_places()
    {
        const string header = "番号\t区分\t対応区分(公表年月)\t報告書頁\t所管課\t措置(対応)の内容\t内容(報告書より抜粋)";
        var row = string.Join('\t', "R5-意-2", "意見", "対応済(R6.6)", "P27", "財政課", Response, "<p>公表について</p>");

        var parsed = SingleRow(ReportText.Document([row], null, header: header));

        Assert.Equal(("R5-意-2", FindingCategory.Opinion, "P27"), (parsed.Number.Text, parsed.Category, parsed.Pages!.Text));
        Assert.Equal(("公表について", "対応済", new YearMonth(2024, 6)), (parsed.Title, parsed.Word, parsed.Published));
        Assert.Equal("対応しました。", parsed.Response);
    }

    [Fact]
    public async Task UTF8_with_a_BOM_is_read_and_the_BOM_is_not_part_of_the_title()
    {
        using var dir = new TempDir();
        var path = dir.File("bom.txt");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ReportText.Valid())]);

        var report = await AcceptFileAsync(path);

        var audit = Assert.Single(report.Audits);
        Assert.Equal((1, 2023, "包括外部監査"), (audit.Line, audit.FiscalYear, audit.Kind));
        Assert.Equal(["R5-指-1", "R5-意-1"], audit.Rows.Select(r => r.Number.Text));
        Assert.Equal(["R5-指-2", "R5-意-2", "R5-意-3"], audit.Inferred.Select(i => i.Number));
    }

    [Fact]
    public async Task Shift_JIS_is_detected_without_being_told()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済（令和7年8月）", pages: "P76～77", department: "子育て給付課",
                content: "<p>適正な操作権限の設定等について</p> <p>調定額が確定した後のデータの修正が可能となっている。</p>",
                response: "<p>「調定結果保守」メニューの担当者操作権限を削除した。</p>")],
            ReportText.Summary(1, 0, 0, 0));
        var bytes = Encoding.GetEncoding(932).GetBytes(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        using var dir = new TempDir();
        var path = dir.File("sjis.txt");
        await File.WriteAllBytesAsync(path, bytes);

        var audit = Assert.Single((await AcceptFileAsync(path)).Audits);

        Assert.Equal("テストのための監査", audit.Theme);
        var row = Assert.Single(audit.Rows);
        Assert.Equal(("P76~77", 76, 77), (row.Pages!.Text, row.Pages.From, row.Pages.To));
        Assert.Equal(["子育て給付課"], row.Departments);
        Assert.Equal("適正な操作権限の設定等について", row.Title);
        Assert.Equal("調定額が確定した後のデータの修正が可能となっている。", row.Excerpt);
        Assert.Equal(("措置済", new YearMonth(2025, 8)), (row.Word, row.Published));
        Assert.Equal("「調定結果保守」メニューの担当者操作権限を削除した。", row.Response);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Windows_and_old_Mac_line_ends_are_read_and_lines_still_count_right(string newline)
    {
        var lf = ReportText.Valid();
        var text = lf.Replace("\n", newline, StringComparison.Ordinal);

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal(LineOf(lf, "R5-指-1"), audit.Rows[0].Line);
        Assert.Equal(LineOf(lf, "R5-意-1"), audit.Rows[1].Line);
        Assert.All(audit.Rows, r => Assert.DoesNotContain("\r", r.Response, StringComparison.Ordinal));
        Assert.Equal(3, audit.Inferred.Count);
    }

    [Fact]
    public void Full_width_digits_letters_and_brackets_are_folded_in_identifiers_but_prose_keeps_them()
    {
        var text = ReportText.Document(
            [ReportText.Row("Ｒ５－指－３", "指摘", "措置済（Ｒ７．８）", pages: "Ｐ１６０〜１６１", department: "ＤＸ推進課",
                content: "<p>ＩＴ関連の外部委託契約書の見直しについて</p> <p>令和６年４月より記載する。</p>",
                response: "<p>令和６年４月より、約款に記載することとした。</p>")],
            null);

        var row = SingleRow(text);

        Assert.Equal(("R5-指-3", "R5-指-", 3, FindingCategory.Finding), (row.Number.Text, row.Number.Prefix, row.Number.Sequence, row.Number.Category));
        Assert.Equal(("P160~161", 160, 161), (row.Pages!.Text, row.Pages.From, row.Pages.To));
        Assert.Equal(["DX推進課"], row.Departments);
        Assert.Equal(new YearMonth(2025, 8), row.Published);
        Assert.Equal("ＩＴ関連の外部委託契約書の見直しについて", row.Title);
        Assert.Equal("令和６年４月より記載する。", row.Excerpt);
        Assert.Equal("令和６年４月より、約款に記載することとした。", row.Response);
    }

    [Theory]
    [InlineData("P160~161")]
    [InlineData("P160〜161")]
    [InlineData("P160～161")]
    [InlineData("P160∼161")]
    [InlineData("P160~ 161")]
    [InlineData("P160 ~ 161")]
    [InlineData("P160-161")]
    [InlineData("P160－161")]
    [InlineData("Ｐ１６０〜１６１")]
    [InlineData("Ｐ１６０～ １６１")]
    public void Page_ranges_are_written_one_way(string pages)
    {
        var row = SingleRow(ReportText.Document([ReportText.Row("R5-意-28", "意見", "対応済 (R7.1)", pages: pages)], null));

        Assert.Equal((160, 161), (row.Pages!.From, row.Pages.To));
        Assert.Equal("P160~161", row.Pages.Text);
    }

    [Theory]
    [InlineData("措置済 (R7.8)", "措置済", 2025, 8)]
    [InlineData("措置済(令和7年8月1日)", "措置済", 2025, 8)]
    [InlineData("措置済（令和7年8月公表）", "措置済", 2025, 8)]
    [InlineData("措置済(R7.8)", "措置済", 2025, 8)]
    [InlineData("措置済R7.8", "措置済", 2025, 8)]
    [InlineData("措置済 令和7年8月", "措置済", 2025, 8)]
    [InlineData("措置済(令和7年8月)", "措置済", 2025, 8)]
    [InlineData("措置済（令和７年８月）", "措置済", 2025, 8)]
    [InlineData("措置済 ( R7. 8 )", "措置済", 2025, 8)]
    [InlineData("措置済 （ 令和 7 年 8 月 ）", "措置済", 2025, 8)]
    [InlineData("措置済　(R 7 . 8)", "措置済", 2025, 8)]
    [InlineData("措置済 2025年8月", "措置済", 2025, 8)]
    [InlineData("措置済(2025年8月)", "措置済", 2025, 8)]
    [InlineData("措置済（Ｒ７．８）", "措置済", 2025, 8)]
    [InlineData("措置済(令和6年3月)", "措置済", 2024, 3)]
    [InlineData("措置済み (令和元年12月)", "措置済み", 2019, 12)]
    public void Status_dates_are_read_in_every_form(string cell, string word, int year, int month)
    {
        var title = year == 2019 ? "令和元年度包括外部監査の結果に対する対応状況(令和7年8月現在)" : ReportText.Title;
        var number = year == 2019 ? "R1-指-1" : "R5-指-1";

        var row = SingleRow(ReportText.Document([ReportText.Row(number, "指摘", cell)], null, title: title));

        Assert.Equal((word, StatusState.Done, new YearMonth(year, month)), (row.Word, row.State, row.Published));
    }

    [Theory]
    [InlineData("指摘", "(令和6年3月)", "措置済", 2024, 3)]
    [InlineData("指摘", "（令和６年３月）", "措置済", 2024, 3)]
    [InlineData("指摘", "R7.8", "措置済", 2025, 8)]
    [InlineData("指摘", "令和7年8月", "措置済", 2025, 8)]
    [InlineData("指摘", "2025年8月", "措置済", 2025, 8)]
    [InlineData("意見", "(R6.6)", "対応済", 2024, 6)]
    public void A_date_without_a_status_word_means_done(string category, string cell, string word, int year, int month)
    {
        var number = category == "指摘" ? "R5-指-1" : "R5-意-1";

        var row = SingleRow(ReportText.Document([ReportText.Row(number, category, cell)], null));

        Assert.Equal((word, StatusState.Done, new YearMonth(year, month)), (row.Word, row.State, row.Published));
    }

    [Theory]
    [InlineData("指摘", "措置済", StatusState.Done)]
    [InlineData("指摘", "措置済み", StatusState.Done)]
    [InlineData("指摘", "措置済 み", StatusState.Done)]
    [InlineData("指摘", "措置完了", StatusState.Done)]
    [InlineData("指摘", "改善済", StatusState.Done)]
    [InlineData("指摘", "改善済み", StatusState.Done)]
    [InlineData("指摘", "措置中", StatusState.InProgress)]
    [InlineData("指摘", "検討中", StatusState.InProgress)]
    [InlineData("指摘", "改善中", StatusState.InProgress)]
    [InlineData("指摘", "措置予定・検討中", StatusState.InProgress)]
    [InlineData("指摘", "措置を行わない", StatusState.WillNotImplement)]
    [InlineData("指摘", "未措置", StatusState.Open)]
    [InlineData("指摘", "未改善", StatusState.Open)]
    [InlineData("意見", "対応済", StatusState.Done)]
    [InlineData("意見", "対応済み", StatusState.Done)]
    [InlineData("意見", "措置済", StatusState.Done)]
    [InlineData("意見", "検討中", StatusState.InProgress)]
    [InlineData("意見", "対応しない", StatusState.WillNotImplement)]
    [InlineData("意見", "未対応", StatusState.Open)]
    public void Each_city_keeps_its_own_status_word_mapped_to_a_state(string category, string word, StatusState state)
    {
        var number = category == "指摘" ? "R5-指-1" : "R5-意-1";

        var row = SingleRow(ReportText.Document([ReportText.Row(number, category, word + " (R7.8)")], null));

        Assert.Equal((word.Replace(" ", "", StringComparison.Ordinal), state, new YearMonth(2025, 8)), (row.Word, row.State, row.Published));
    }

    [Fact]
    public void A_status_word_without_a_date_is_published_at_no_month()
    {
        var row = SingleRow(ReportText.Document([ReportText.Row("R5-指-1", "指摘", "検討中")], null));

        Assert.Equal(("検討中", StatusState.InProgress, (YearMonth?)null), (row.Word, row.State, row.Published));
    }

    [Fact]
    public void Rows_that_are_not_done_are_counted_under_the_open_row_of_the_summary()
    {
        var text = ReportText.Document(
            [
                ReportText.Row("R5-指-1", "指摘", "検討中 (R7.8)"),
                ReportText.Row("R5-指-2", "指摘", "措置を行わない (R7.8)"),
                ReportText.Row("R5-指-3", "指摘", "措置済み (R7.8)"),
                ReportText.Row("R5-意-1", "意見", "改善済 (R7.8)"),
            ],
            ReportText.Summary(1, 3, 1, 1));

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal(
            [StatusState.InProgress, StatusState.WillNotImplement, StatusState.Done, StatusState.Done],
            audit.Rows.Select(r => r.State));
        Assert.Equal([("R5-指-4", "未措置"), ("R5-意-2", "未対応")], audit.Inferred.Select(i => (i.Number, i.Word)));
    }

    [Fact]
    public void Paragraphs_become_plain_text_separated_by_a_blank_line()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)",
                content: "<p>パスワードの変更について</p> <p>第一段落です。</p>  <p> 第二段落　です。\u00A0</p>",
                response: "<p>一つ目。</p><p>二つ目。</p>")],
            null));

        Assert.Equal("パスワードの変更について", row.Title);
        Assert.Equal("第一段落です。\n\n第二段落　です。", row.Excerpt);
        Assert.Equal("一つ目。\n\n二つ目。", row.Response);
    }

    [Fact]
    public void An_unclosed_list_of_dots_becomes_list_lines_and_the_paragraph_after_it_stays_a_paragraph()
    {
        const string content = "<p>SRIMSの保守委託契約書の内容について</p> <p>主な消費の内容は以下の通りである(サンプリング抜粋)。</p> "
            + "<ul style=\"list-style-type: none\"> ・土砂災害警戒区域に重なっている住所情報をcsv出力 保守点数2点 ・調書平面図・台帳の取り込み作業依頼 保守点数2点 "
            + "・組織改編に伴うシステム改修 保守点数3.5点 <p>契約書または覚書等で明記することが望ましい。</p>";

        var row = SingleRow(ReportText.Document([ReportText.Row("R5-指-6", "指摘", "措置済(R7.8)", content: content)], null));

        Assert.Equal("SRIMSの保守委託契約書の内容について", row.Title);
        Assert.Equal(
            "主な消費の内容は以下の通りである(サンプリング抜粋)。\n\n"
            + "・土砂災害警戒区域に重なっている住所情報をcsv出力 保守点数2点\n・調書平面図・台帳の取り込み作業依頼 保守点数2点\n・組織改編に伴うシステム改修 保守点数3.5点\n\n"
            + "契約書または覚書等で明記することが望ましい。",
            row.Excerpt);
    }

    [Fact]
    public void Li_lists_become_list_lines()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)",
                content: "<p>件名</p><p>次のとおり。</p><ul><li>一つ目</li><li> ・二つ目 </li></ul><ol><li>三つ目</li></ol><p>以上。</p>")],
            null));

        Assert.Equal("次のとおり。\n\n・一つ目\n・二つ目\n\n・三つ目\n\n以上。", row.Excerpt);
    }

    [Fact]
    public void Line_breaks_stay_line_breaks_within_a_paragraph()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)", response: "<p>一行目<br>二行目<BR/>三行目</p><p>次の段落</p>")],
            null));

        Assert.Equal("一行目\n二行目\n三行目\n\n次の段落", row.Response);
    }

    [Fact]
    public void Entities_are_decoded_to_the_characters_they_stand_for()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)",
                content: "<p>A&amp;B社との契約について</p><p>&lt;重要&gt; &quot;再委託&quot;&nbsp;&#x3042;&#12356;</p>")],
            null));

        Assert.Equal("A&B社との契約について", row.Title);
        Assert.Equal("<重要> \"再委託\" あい", row.Excerpt);
    }

    [Fact]
    public void Markup_is_never_kept_and_scripts_are_not_text()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)",
                content: "<p>件名<script>alert('x')</script></p><p onclick=\"alert(1)\">本文<b>強調</b>"
                    + "<a href=\"javascript:alert(1)\">リンク</a><img src=x onerror=alert(1)></p><style>p { color: red }</style><!-- 注釈 -->",
                response: "<div><span style=\"color:red\">対応</span>した。</div><iframe src=\"https://example.com\"></iframe>")],
            null));

        Assert.Equal("件名", row.Title);
        Assert.Equal("本文強調リンク", row.Excerpt);
        Assert.Equal("対応した。", row.Response);
        foreach (var text in new[] { row.Title, row.Excerpt, row.Response })
        {
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
            Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
            Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_response_without_tags_is_one_paragraph()
    {
        var row = SingleRow(ReportText.Document(
            [ReportText.Row("R5-指-6", "指摘", "措置済(R7.8)", response: "令和6年度の契約書において、保守点数の基準を定め、運用方法を明記した。")],
            null));

        Assert.Equal("令和6年度の契約書において、保守点数の基準を定め、運用方法を明記した。", row.Response);
    }

    [Theory]
    [InlineData("DX推進課、財政課")]
    [InlineData("DX推進課,財政課")]
    [InlineData("ＤＸ推進課，財政課")]
    [InlineData("DX推進課、 財政課 ")]
    [InlineData("DX推進課<br>財政課")]
    [InlineData("DX推進課／財政課")]
    public void Two_departments_are_two_names(string cell)
    {
        var row = SingleRow(ReportText.Document([ReportText.Row("R5-意-15", "意見", "対応済(R6.6)", department: cell)], null));

        Assert.Equal(["DX推進課", "財政課"], row.Departments);
    }

    [Theory]
    [InlineData("令和6年度定期監査の結果に対する措置状況(令和7年8月現在)", 2024, "定期監査", "R6")]
    [InlineData("令和6年度包括外部監査の結果に対する措置状況(令和7年8月現在)", 2024, "包括外部監査", "R6")]
    [InlineData("令和5年度定期監査の結果に対する措置状況(令和7年8月現在)", 2023, "定期監査", "R5")]
    [InlineData("令和5年度包括外部監査の結果に対する措置状況(令和7年8月現在)", 2023, "包括外部監査", "R5")]
    public void Several_audits_in_one_file_each_have_their_rows_and_summary(string teiki, int fiscalYear, string kind, string prefix)
    {
        var first = ReportText.Document(
            [ReportText.Row("R5-指-2", "指摘", "措置済 (R7.8)"), ReportText.Row("R5-意-1", "意見", "対応済 (R6.6)")],
            ReportText.Summary(1, 2, 1, 0));
        var second = ReportText.Document(
            [ReportText.Row(prefix + "-指-1", "指摘", "措置済 (R7.2)", department: "財政課"), ReportText.Row(prefix + "-指-3", "指摘", "措置中 (R7.8)")],
            "指摘事項\t\n措置済\t1\n未措置\t2\n合計\t3",
            title: teiki,
            theme: "テーマ「財務に関する事務の執行」");
        var text = first + "\n" + second;

        var report = Accept(text);

        Assert.Equal(2, report.Audits.Count);
        var (a, b) = (report.Audits[0], report.Audits[1]);
        Assert.Equal((1, 2023, "包括外部監査", "テストのための監査"), (a.Line, a.FiscalYear, a.Kind, a.Theme));
        Assert.Equal((LineOf(text, teiki), fiscalYear, kind, "財務に関する事務の執行"), (b.Line, b.FiscalYear, b.Kind, b.Theme));
        Assert.Equal("の結果に対する措置状況", b.DocumentKind);
        Assert.Equal(["R5-指-2", "R5-意-1"], a.Rows.Select(r => r.Number.Text));
        Assert.Equal(["R5-指-1", "R5-指-3"], a.Inferred.Select(i => i.Number));
        Assert.Equal([prefix + "-指-1", prefix + "-指-3"], b.Rows.Select(r => r.Number.Text));
        Assert.Equal([prefix + "-指-2"], b.Inferred.Select(i => i.Number));
    }

    [Fact]
    public void A_page_whose_theme_line_is_missing_belongs_to_the_audit_of_its_title()
    {
        var text = string.Join('\n',
            ReportText.Title, "", ReportText.Theme, "", ReportText.Header, ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "",
            ReportText.Title, "", ReportText.Header, ReportText.Row("R5-意-1", "意見", "対応済 (R7.8)"), "",
            ReportText.Title, "", ReportText.Theme, "", ReportText.Header, ReportText.DashRow, "",
            ReportText.Summary(1, 0, 1, 0));

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal("テストのための監査", audit.Theme);
        Assert.Equal(["R5-指-1", "R5-意-1"], audit.Rows.Select(r => r.Number.Text));
    }

    [Fact]
    public void The_first_page_may_lose_its_theme_line_too()
    {
        var text = string.Join('\n',
            ReportText.Title, "", ReportText.Header, ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "",
            ReportText.Title, "", ReportText.Theme, "", ReportText.Header, ReportText.Row("R5-意-1", "意見", "対応済 (R7.8)"), "",
            ReportText.Title, "", ReportText.Theme, "", ReportText.Header, ReportText.DashRow, "",
            ReportText.Summary(1, 1, 1, 1));

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal((1, "テストのための監査"), (audit.Line, audit.Theme));
        Assert.Equal(["R5-指-1", "R5-意-1"], audit.Rows.Select(r => r.Number.Text));
        Assert.Equal(["R5-指-2", "R5-意-2"], audit.Inferred.Select(i => i.Number));
    }

    [Fact]
    public void An_audit_without_a_theme_has_none()
    {
        var text = string.Join('\n',
            "令和6年度定期監査の結果に対する措置状況(令和7年8月現在)", "", ReportText.Header, ReportText.Row("R6-指-1", "指摘", "措置済 (R7.8)"));

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Null(audit.Theme);
        Assert.Single(audit.Rows);
    }

    [Fact]
    public void Page_numbers_left_by_PDF_extraction_are_ignored()
    {
        var text = string.Join('\n',
            "1", ReportText.Title, "", ReportText.Theme, "", ReportText.Header,
            ReportText.Row("R5-指-1", "指摘", "措置済 (R7.8)"), "- 2 -", "\f" + ReportText.Title, "", ReportText.Theme, "", ReportText.Header,
            ReportText.Row("R5-意-1", "意見", "対応済 (R7.8)"), "", "－ ３ －", "", "3/4", "P.4", "\f", ReportText.Title, "", ReportText.Theme, "",
            ReportText.Header, ReportText.DashRow, "", ReportText.Summary(1, 0, 1, 0), "  5  ", "");

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal(2, audit.Line);
        Assert.Equal([7, LineOf(text, "R5-意-1")], audit.Rows.Select(r => r.Line));
        Assert.Empty(audit.Inferred);
    }

    [Theory]
    [InlineData("令和元年度包括外部監査の結果に対する対応状況(令和2年3月現在)", "R1")]
    [InlineData("令和1年度包括外部監査の結果に対する対応状況(令和2年3月現在)", "R1")]
    [InlineData("平成31年度包括外部監査の結果に対する対応状況(令和2年3月現在)", "H31")]
    [InlineData("2019年度包括外部監査の結果に対する対応状況(2020年3月現在)", "R1")]
    public void The_first_year_of_Reiwa_is_fiscal_2019(string title, string prefix)
    {
        var text = ReportText.Document(
            [ReportText.Row(prefix + "-指-1", "指摘", "措置済(令和元年12月)"), ReportText.Row(prefix + "-指-2", "指摘", "措置済(R2.3)")],
            "指摘事項\t\n措置済\t2\n未措置\t1\n合計\t3",
            title: title);

        var audit = Assert.Single(Accept(text).Audits);

        Assert.Equal((2019, new YearMonth(2020, 3)), (audit.FiscalYear, audit.AsOf));
        Assert.Equal([new YearMonth(2019, 12), new YearMonth(2020, 3)], audit.Rows.Select(r => r.Published!.Value));
        Assert.Equal([prefix + "-指-3"], audit.Inferred.Select(i => i.Number));
    }

    [Theory]
    [InlineData("令和5年度包括外部監査の結果に対する対応状況(令和7年8月1日現在)")]
    [InlineData("令和5年度包括外部監査の結果に対する対応状況（令和７年８月１日現在）")]
    [InlineData("令和５年度 包括外部監査の結果に対する対応状況 ( 令和7年8月 現在 )")]
    [InlineData("令和5年度包括外部監査の結果に対する対応状況(R7.8現在)")]
    [InlineData("令和5年度包括外部監査の結果に対する対応状況(2025年8月現在)")]
    public void A_title_may_name_the_day_or_write_the_month_another_way(string title)
    {
        var audit = Assert.Single(Accept(ReportText.Valid(title)).Audits);

        Assert.Equal((2023, "包括外部監査", new YearMonth(2025, 8)), (audit.FiscalYear, audit.Kind, audit.AsOf));
        Assert.Equal("の結果に対する対応状況", audit.DocumentKind);
    }
}
