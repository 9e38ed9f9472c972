namespace Kansa.Sheets;

/// <summary>
/// Where things are on a department sheet (所管課向けの照会シート): one worksheet per department, a title and a note,
/// the header on row 3 and one row per finding from row 4. Columns A–G repeat the registry and are locked, H and I are
/// the department's input, J–L are hidden and tie the row back to its finding, so that a re-sorted sheet still maps.
/// </summary>
public static class SheetLayout
{
    /// <summary>The marker in J1 that says a worksheet is Kansa's department sheet, and which version of its layout.</summary>
    public const string Format = "kansa-sheet/1";

    /// <summary>The row of the column headers.</summary>
    public const int HeaderRow = 3;

    /// <summary>The first row of findings.</summary>
    public const int FirstRow = 4;

    /// <summary>The hidden cell holding the format marker.</summary>
    public const string FormatCell = "J1";

    /// <summary>The hidden cell holding the audit key.</summary>
    public const string AuditCell = "K1";

    /// <summary>The hidden cell holding the export time (ISO 8601, UTC).</summary>
    public const string ExportedCell = "L1";

    /// <summary>Column of the status word the department chooses (drop-down).</summary>
    public const string Status = "H";

    /// <summary>Column of the measure taken (措置(対応)の内容), free text.</summary>
    public const string Content = "I";

    /// <summary>Hidden column: the finding's database id.</summary>
    public const string FindingId = "J";

    /// <summary>Hidden column: the version of what the row showed (<see cref="SheetRow.Token"/>).</summary>
    public const string Version = "K";

    /// <summary>Hidden column: a hash of the input cells as exported, to tell a changed row from an unchanged one.</summary>
    public const string InputHash = "L";

    /// <summary>The locked registry columns, in order, with their headers.</summary>
    public static readonly IReadOnlyList<(string Column, string Header)> Locked =
    [
        ("A", "番号"),
        ("B", "報告書頁"),
        ("C", "区分"),
        ("D", "所管課"),
        ("E", "内容(報告書より抜粋)"),
        ("F", "対応区分(公表年月)"),
        ("G", "回答の段階・期限"),
    ];

    /// <summary>Every column with its header and width (characters), visible ones first.</summary>
    public static readonly IReadOnlyList<(string Column, string Header, double Width)> Columns =
    [
        ("A", "番号", 11),
        ("B", "報告書頁", 9),
        ("C", "区分", 6),
        ("D", "所管課", 16),
        ("E", "内容(報告書より抜粋)", 48),
        ("F", "対応区分(公表年月)", 14),
        ("G", "回答の段階・期限", 18),
        ("H", "対応区分 (選択)", 16),
        ("I", "措置(対応)の内容 (入力)", 60),
        ("J", "指摘ID", 8),
        ("K", "版", 20),
        ("L", "入力の照合", 20),
    ];

    /// <summary>The header of a column.</summary>
    public static string Header(string column) => Columns.First(c => c.Column == column).Header;

    /// <summary>How many characters of the excerpt the 内容 cell repeats (the report itself has the rest).</summary>
    public const int ExcerptChars = 300;

    /// <summary>The note on row 2.</summary>
    public const string Note =
        "黄色の欄 (H 対応区分、I 措置(対応)の内容) だけを入力してください。ほかの欄は変更できません。行を並べ替えても構いません。入力したら Kansa の「所管課シートの取り込み」(/staff/sheets) から取り込みます。";
}
