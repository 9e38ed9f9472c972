using System.IO.Compression;
using Kansa.OpenData;
using Kansa.Tests.Support;

namespace Kansa.Tests.Xlsx;

/// <summary>
/// Workbooks the importer refuses: each with a Japanese message at its sheet and cell (FILE:シート名!C12: …), exit code 1
/// as for a text file's problems, and nothing written, on both engines.
/// </summary>
public class XlsxRefusalTests
{
    private const string Sheet = "R4-包括外部監査";

    /// <summary>A change to the demo workbook (the R4 sheet first) and the problem it must give.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "not-a-workbook", "x.xlsx: xlsx 形式のブックではありません (ファイルの先頭が zip の形ではありません)" },
        { "old-xls", "x.xlsx: Excel 97-2003 形式 (.xls) のブックは読めません" },
        { "truncated-zip", "x.xlsx: ファイルが壊れているか、xlsx 形式のブックではありません" },
        { "empty-relationship-target", "x.xlsx: ファイルが壊れているか、xlsx 形式のブックではありません" },
        { "zip-without-workbook", "x.xlsx: xlsx のブックではありません (ブックの本体 xl/workbook.xml がありません)" },
        { "no-header", $"x.xlsx:{Sheet}!A4: 見出し行 (番号、報告書頁、区分 …) の前にデータがあります" },
        { "wrong-header", $"x.xlsx:{Sheet}!A3: 見出し行に 「区分」 の列がありません" },
        { "count-as-text", $"x.xlsx:{Sheet}!B$DONE: 集計表の指摘「措置済」の件数「四」を数として読めません" },
        { "summary-contradicts-rows", $"x.xlsx:{Sheet}!B$DONE: 集計表の指摘「措置済」は 9 件ですが、一覧には" },
        { "bad-month", $"x.xlsx:{Sheet}!F4: 公表年月「R7.13」を読めません" },
        { "duplicate-number", $"x.xlsx:{Sheet}!A5: 番号「R4-指-1」が重複しています ({Sheet}!A4と同じ番号です)" },
        { "sheet-without-title", "x.xlsx:メモ!A1: シートの最初の行が表題" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_workbook_is_refused_at_its_cell_with_nothing_written(string change, string expected)
    {
        foreach (var engine in new[] { "sqlite", "postgres" })
        {
            await using var db = await XlsxFixtures.DemoAsync(engine);
            using var dir = new TempDir();
            var path = dir.File("x.xlsx");
            var model = WorkbookModel.Read(await XlsxFixtures.ExportAsync(db, "xlsx"));
            var done = model.RowOf(SheetOf(model), "指摘事項") + 1;
            await File.WriteAllBytesAsync(path, Break(change, model, done));
            var before = await DbFingerprint.TakeAsync(db);

            var run = await CliRun.RunAsync("import", path, "--db", db.DbArgument);

            Assert.Equal(1, run.ExitCode);
            var want = path.Replace("x.xlsx", "", StringComparison.Ordinal) + expected.Replace("$DONE", done.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.True(run.Error.Contains(want, StringComparison.Ordinal), $"{engine}: expected {want}\nin: {run.Error}");
            Assert.Contains("件の問題があるため、何も書き込んでいません。", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await DbFingerprint.TakeAsync(db));
        }
    }

    [Fact]
    public async Task Check_reports_the_same_problems_without_a_database()
    {
        await using var db = await XlsxFixtures.DemoAsync();
        using var dir = new TempDir();
        var path = dir.File("x.xlsx");
        var model = WorkbookModel.Read(await XlsxFixtures.ExportAsync(db, "xlsx"));
        await File.WriteAllBytesAsync(path, Break("bad-month", model, 0));

        var run = await CliRun.RunAsync("check", path, "--db", dir.File("none.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.Contains($"{path}:{Sheet}!F4: 公表年月「R7.13」を読めません", StringComparison.Ordinal), run.Error);
    }

    private static int SheetOf(WorkbookModel model) => model.Sheets.FindIndex(s => s.Name == Sheet);

    private static byte[] Break(string change, WorkbookModel model, int done)
    {
        var sheet = SheetOf(model);
        switch (change)
        {
            case "not-a-workbook":
                return "令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)\n"u8.ToArray();
            case "old-xls":
                return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
            case "truncated-zip":
                var bytes = model.Write(sharedStrings: false);
                return bytes[..(bytes.Length / 2)];
            case "zip-without-workbook":
                using (var stream = new MemoryStream())
                {
                    using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        using var writer = new StreamWriter(zip.CreateEntry("memo.txt").Open());
                        writer.Write("ブックではない zip");
                    }

                    return stream.ToArray();
                }

            case "empty-relationship-target":
                using (var stream = new MemoryStream())
                {
                    stream.Write(model.Write(sharedStrings: false));
                    using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
                    {
                        var rels = zip.GetEntry("_rels/.rels")!;
                        string xml;
                        using (var reader = new StreamReader(rels.Open()))
                        {
                            xml = reader.ReadToEnd();
                        }

                        rels.Delete();
                        using var writer = new StreamWriter(zip.CreateEntry("_rels/.rels").Open());
                        writer.Write(System.Text.RegularExpressions.Regex.Replace(xml, "Target=\"[^\"]*\"", "Target=\"\""));
                    }

                    return stream.ToArray();
                }

            case "no-header":
                model.Sheets[sheet].Rows[2] = null;
                break;
            case "wrong-header":
                model.Set(sheet, "C3", new ModelCell("種類"));
                break;
            case "count-as-text":
                model.Set(sheet, $"B{done}", new ModelCell("四"));
                break;
            case "summary-contradicts-rows":
                model.Set(sheet, $"B{done}", new ModelCell("9", IsNumber: true));
                break;
            case "bad-month":
                model.Set(sheet, "F4", new ModelCell("措置済 (R7.13)"));
                break;
            case "duplicate-number":
                model.Set(sheet, "A5", model.Cell(sheet, "A4"));
                break;
            case "sheet-without-title":
                model.Sheets.Add(new ModelSheet("メモ", [[new ModelCell("担当者への連絡事項")]]));
                break;
        }

        return model.Write(sharedStrings: change.Length % 2 == 0);
    }
}
